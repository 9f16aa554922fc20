import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db';
import { equalsLiteral } from '../db/literal';
import { eventAttendance, eventConfirmations, eventRegistrations, users } from '../db/schema';
import { daysBetween } from './berlin-time';
import { syncConfirmation } from './confirmations';
import type { EventRecord } from './events';

/** The attendance field of a person and day: `da:<userId>:<YYYY-MM-DD>`. */
export const attendanceField = (userId: string, day: string) => `da:${userId}:${day}`;

export interface Participant {
	userId: string;
	name: string;
	email: string;
	status: 'registered' | 'waitlisted' | 'cancelled';
	registeredAt: Date;
	days: string[];
	confirmation: { number: string; code: string; status: string } | null;
}

/** The days of the event for which anyone's attendance is recorded, in order. */
export function attendedDaysOf(eventId: string): string[] {
	return getDb()
		.selectDistinct({ day: eventAttendance.day })
		.from(eventAttendance)
		.where(eq(eventAttendance.eventId, eventId))
		.orderBy(asc(eventAttendance.day))
		.all()
		.map(({ day }) => day);
}

/** Everyone who signed up, in sign-up order, with the days they were there. */
export function listParticipants(eventId: string): Participant[] {
	const db = getDb();
	const rows = db
		.select({
			userId: eventRegistrations.userId,
			name: users.name,
			email: users.email,
			status: eventRegistrations.status,
			registeredAt: eventRegistrations.registeredAt
		})
		.from(eventRegistrations)
		.innerJoin(users, eq(users.id, eventRegistrations.userId))
		.where(eq(eventRegistrations.eventId, eventId))
		.orderBy(asc(eventRegistrations.registeredAt), asc(eventRegistrations.id))
		.all();
	const days = db
		.select({ userId: eventAttendance.userId, day: eventAttendance.day })
		.from(eventAttendance)
		.where(eq(eventAttendance.eventId, eventId))
		.all();
	const confirmations = db
		.select({
			userId: eventConfirmations.userId,
			number: eventConfirmations.number,
			code: eventConfirmations.code,
			status: eventConfirmations.status
		})
		.from(eventConfirmations)
		.where(
			and(
				eq(eventConfirmations.eventId, eventId),
				equalsLiteral(eventConfirmations.status, 'valid')
			)
		)
		.all();
	return rows.map((row) => ({
		...row,
		days: days
			.filter((d) => d.userId === row.userId)
			.map((d) => d.day)
			.sort(),
		confirmation: confirmations.find((c) => c.userId === row.userId) ?? null
	}));
}

/**
 * Saves who was there on which day, for the people registered; each one's confirmation follows
 * (issued, replaced or revoked) in the same transaction, with one audit entry.
 */
export function saveAttendance(
	actor: SessionUser,
	event: EventRecord,
	present: Set<string>,
	now = new Date()
): { changed: number } {
	const eventDays = daysBetween(event.startsAt, event.endsAt);
	let changed = 0;
	getDb().transaction(
		(tx) => {
			const registered = tx
				.select({ userId: eventRegistrations.userId })
				.from(eventRegistrations)
				.where(
					and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'registered'))
				)
				.all()
				.map((row) => row.userId);
			if (!registered.length) return;
			const before = tx
				.select({ userId: eventAttendance.userId, day: eventAttendance.day })
				.from(eventAttendance)
				.where(
					and(eq(eventAttendance.eventId, event.id), inArray(eventAttendance.userId, registered))
				)
				.all();
			for (const userId of registered) {
				const days = eventDays.filter((day) => present.has(attendanceField(userId, day)));
				const had = before
					.filter((row) => row.userId === userId)
					.map((row) => row.day)
					.sort();
				if (had.join() === days.join()) continue;
				changed += 1;
				tx.delete(eventAttendance)
					.where(and(eq(eventAttendance.eventId, event.id), eq(eventAttendance.userId, userId)))
					.run();
				if (days.length) {
					tx.insert(eventAttendance)
						.values(
							days.map((day) => ({
								eventId: event.id,
								userId,
								day,
								recordedBy: actor.id,
								recordedAt: now
							}))
						)
						.run();
				}
				syncConfirmation(tx, event, userId, days, now);
			}
			if (changed) {
				recordAudit(
					{
						actorId: actor.id,
						action: 'event.attendance_changed',
						objectType: 'event',
						objectId: event.id,
						details: { people: changed }
					},
					tx
				);
			}
		},
		{ behavior: 'immediate' }
	);
	return { changed };
}
