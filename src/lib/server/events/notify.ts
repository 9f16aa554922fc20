import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '../db';
import { eventRegistrations, events } from '../db/schema';
import { notify } from '../notifications';
import { inviteesOf } from './audience';
import { berlinParts } from './berlin-time';
import { eventUrl } from './links';

export type EventNotice = 'invited' | 'promoted' | 'cancelled' | 'removed';

/** One notice per person, event and kind (an invitation is not repeated when the event changes). */
export function notifyPerson(
	userId: string,
	event: { id: string; title: string; startsAt: Date },
	notice: EventNotice,
	now: Date
): void {
	notify(
		{
			userId,
			kind: 'event_update',
			data: { itemTitle: event.title, eventNotice: notice, dueOn: berlinParts(event.startsAt).day },
			link: eventUrl(event.id),
			// Promotion and removal can happen again after signing up again; the rest happen once.
			dedupeKey: `event:${event.id}:${notice}:${userId}${notice === 'promoted' || notice === 'removed' ? `:${now.getTime()}` : ''}`
		},
		now
	);
}

/**
 * Invitations go to every invitee (repeats are dropped by the dedupe key, so adding a cohort
 * tells only the new people); a cancellation goes to everyone registered or waiting.
 */
export function notifyEventChange(eventId: string, notice: 'invited' | 'cancelled', now: Date) {
	const event = getDb().select().from(events).where(eq(events.id, eventId)).get();
	if (!event) return;
	const people =
		notice === 'invited'
			? inviteesOf(eventId)
			: getDb()
					.select({ userId: eventRegistrations.userId })
					.from(eventRegistrations)
					.where(
						and(
							eq(eventRegistrations.eventId, eventId),
							inArray(eventRegistrations.status, ['registered', 'waitlisted'])
						)
					)
					.all()
					.map((row) => row.userId);
	for (const userId of people) notifyPerson(userId, event, notice, now);
}
