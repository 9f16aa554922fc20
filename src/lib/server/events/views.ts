import type { SessionUser } from '../auth/session';
import { formatCsvDate, formatCsvDay, toCsv } from '../http/csv';
import { isInvited } from './audience';
import { berlinParts } from './berlin-time';
import { canManageEvent } from './access';
import { listVisibleEvents, type EventRecord } from './events';
import type { Participant } from './attendance';
import { getDb } from '../db';
import { eventRegistrations } from '../db/schema';
import { eq } from 'drizzle-orm';
import { renderUserMarkdown } from '../assignments/markdown';
import { closesAt } from './queue';

/** The published and cancelled events a person may see: invited, signed up, or organising. */
export function visibleEventsFor(user: SessionUser) {
	const signedUp = new Set(
		getDb()
			.select({ eventId: eventRegistrations.eventId })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.userId, user.id))
			.all()
			.map((row) => row.eventId)
	);
	return listVisibleEvents().filter((event) => {
		return signedUp.has(event.id) || canManageEvent(user, event) || isInvited(event.id, user.id);
	});
}

/** The edit form's values in Berlin wall-clock time. */
export function eventFormValues(event: EventRecord): Record<string, string> {
	const start = berlinParts(event.startsAt);
	const end = berlinParts(event.endsAt);
	const deadline = event.registrationDeadline ? berlinParts(event.registrationDeadline) : null;
	return {
		title: event.title,
		description: event.description,
		format: event.format,
		place: event.place,
		startDay: start.day,
		startTime: start.time,
		endDay: end.day,
		endTime: end.time,
		capacity: String(event.capacity),
		deadlineDay: deadline?.day ?? '',
		deadlineTime: deadline?.time ?? ''
	};
}

/** The list for the organisers (Excel, German settings), with a column per event day. */
export function participantsCsv(
	participants: Participant[],
	days: string[],
	labels: { header: string[]; status: Record<Participant['status'], string>; yes: string }
): string {
	return toCsv(
		[...labels.header, ...days.map(formatCsvDay)],
		participants.map((p) => [
			p.name,
			p.email,
			labels.status[p.status],
			formatCsvDate(p.registeredAt),
			...days.map((day) => (p.days.includes(day) ? labels.yes : ''))
		])
	);
}

/** What a guest's page shows of an event (the agenda as sanitised HTML). */
export function eventView(event: EventRecord) {
	return {
		id: event.id,
		title: event.title,
		status: event.status,
		format: event.format,
		place: event.place,
		startsAt: event.startsAt,
		endsAt: event.endsAt,
		capacity: event.capacity,
		closesAt: closesAt(event),
		descriptionHtml: renderUserMarkdown(event.description)
	};
}
