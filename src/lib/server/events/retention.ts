import { and, eq, lt, notInArray } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { getDb } from '../db';
import { equalsLiteral } from '../db/literal';
import { eventAttendance, eventConfirmations, eventRegistrations, events } from '../db/schema';

/**
 * Retention of events, apart from cohorts (guests are invited as alumni or by course, and a
 * Teilnahmebestätigung is the person's proof, like a certificate): once an event ended before
 * `endedBefore`, registrations and attendance go, except those of people holding a valid
 * confirmation (their event page, PDF and the organisers' attendance list still need them; a
 * deleted account takes them along). Confirmations stay, so /verify keeps answering.
 */
export function purgeEndedEventRegistrations(endedBefore: Date, now = new Date()): number {
	return getDb().transaction(
		(tx) => {
			const ended = tx
				.select({ id: events.id })
				.from(events)
				.where(lt(events.endsAt, endedBefore))
				.all()
				.map((row) => row.id);
			let removed = 0;
			for (const eventId of ended) {
				const holders = tx
					.select({ userId: eventConfirmations.userId })
					.from(eventConfirmations)
					.where(
						and(
							eq(eventConfirmations.eventId, eventId),
							equalsLiteral(eventConfirmations.status, 'valid')
						)
					);
				const registrations = tx
					.delete(eventRegistrations)
					.where(
						and(
							eq(eventRegistrations.eventId, eventId),
							notInArray(eventRegistrations.userId, holders)
						)
					)
					.run().changes;
				const attendance = tx
					.delete(eventAttendance)
					.where(
						and(eq(eventAttendance.eventId, eventId), notInArray(eventAttendance.userId, holders))
					)
					.run().changes;
				if (!registrations && !attendance) continue;
				removed += registrations;
				recordAudit(
					{
						actorId: null,
						action: 'event.registrations_purged',
						objectType: 'event',
						objectId: eventId,
						details: { registrations, attendance }
					},
					tx,
					now
				);
			}
			return removed;
		},
		{ behavior: 'immediate' }
	);
}
