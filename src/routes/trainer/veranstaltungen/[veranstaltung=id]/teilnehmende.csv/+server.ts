import { m } from '$lib/paraglide/messages.js';
import { csvFileName } from '$lib/server/http/csv';
import {
	daysBetween,
	listParticipants,
	participantsCsv,
	requireEventOrganiser
} from '$lib/server/events';
import type { RequestHandler } from './$types';

/** Registrations, waiting list and attendance per day, for the organisers. */
export const GET: RequestHandler = (event) => {
	const { event: record } = requireEventOrganiser(event);
	const csv = participantsCsv(
		listParticipants(record.id),
		daysBetween(record.startsAt, record.endsAt),
		{
			header: [
				m.events_csv_name(),
				m.events_csv_email(),
				m.events_field_status(),
				m.events_csv_registered_at()
			],
			status: {
				registered: m.events_status_registered(),
				waitlisted: m.events_status_waitlisted_short(),
				cancelled: m.events_status_withdrawn()
			},
			yes: m.events_csv_present()
		}
	);
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${csvFileName('veranstaltung', record.title)}"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
