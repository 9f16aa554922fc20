import { error } from '@sveltejs/kit';
import { calendarFile, eventUrl, requireEventGuest } from '$lib/server/events';
import type { RequestHandler } from './$types';

/** The calendar entry, for people with a seat and the organisers. */
export const GET: RequestHandler = (event) => {
	const { event: record, role, registration } = requireEventGuest(event);
	if (role !== 'organiser' && registration?.status !== 'registered') error(404, 'not found');
	const url = `${event.url.origin}${eventUrl(record.id)}`;
	const body = calendarFile({
		uid: `${record.id}@${event.url.host}`,
		title: record.title,
		description: `${record.description}\n\n${url}`,
		location: record.place,
		url,
		startsAt: record.startsAt,
		endsAt: record.endsAt,
		cancelled: record.status === 'cancelled'
	});
	return new Response(body, {
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			'Content-Disposition': 'attachment; filename="veranstaltung.ics"',
			'Cache-Control': 'private, no-store'
		}
	});
};
