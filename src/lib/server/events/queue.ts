import { and, asc, count, eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/session';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { eventRegistrations, events } from '../db/schema';
import { notifyPerson } from './notify';

// Registration with a capacity: seats first, then the waiting list in sign-up order. Every
// change runs in one IMMEDIATE transaction (the write lock is taken before the seats are
// counted), so two processes signing up at once cannot both take the last seat.

export type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

/** Registration closes at the deadline, or when the event starts if it has none. */
export const closesAt = (event: { startsAt: Date; registrationDeadline: Date | null }) =>
	event.registrationDeadline ?? event.startsAt;

export type RegisterResult =
	{ ok: true; status: 'registered' | 'waitlisted' } | { ok: false; reason: 'closed' };

function seatsTaken(tx: Tx, eventId: string): number {
	return (
		tx
			.select({ n: count() })
			.from(eventRegistrations)
			.where(
				and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'registered'))
			)
			.get()?.n ?? 0
	);
}

/** Signs the person up (the caller checked the invitation); again is a no-op. */
export function register(userId: string, eventId: string, now = new Date()): RegisterResult {
	return getDb().transaction(
		(tx) => {
			const event = tx.select().from(events).where(eq(events.id, eventId)).get();
			if (!event || event.status !== 'published' || now >= closesAt(event)) {
				return { ok: false as const, reason: 'closed' as const };
			}
			const existing = tx
				.select({ id: eventRegistrations.id, status: eventRegistrations.status })
				.from(eventRegistrations)
				.where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId)))
				.get();
			if (existing && existing.status !== 'cancelled') {
				return { ok: true as const, status: existing.status };
			}
			const status = seatsTaken(tx, eventId) < event.capacity ? 'registered' : 'waitlisted';
			if (existing) {
				tx.update(eventRegistrations)
					.set({ status, registeredAt: now, updatedAt: now })
					.where(eq(eventRegistrations.id, existing.id))
					.run();
			} else {
				tx.insert(eventRegistrations)
					.values({ id: generateId(), eventId, userId, status, registeredAt: now, updatedAt: now })
					.run();
			}
			return { ok: true as const, status };
		},
		{ behavior: 'immediate' }
	);
}

export type CancelResult = { ok: true } | { ok: false; reason: 'not_registered' | 'started' };

/** Gives the seat (or the place in the queue) back; a freed seat goes to the first waiting. */
function withdraw(tx: Tx, userId: string, eventId: string, now: Date): CancelResult {
	const event = tx.select().from(events).where(eq(events.id, eventId)).get();
	const existing = tx
		.select({ id: eventRegistrations.id, status: eventRegistrations.status })
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId)))
		.get();
	if (!event || !existing || existing.status === 'cancelled') {
		return { ok: false, reason: 'not_registered' };
	}
	if (now >= event.startsAt) return { ok: false, reason: 'started' };
	tx.update(eventRegistrations)
		.set({ status: 'cancelled', updatedAt: now })
		.where(eq(eventRegistrations.id, existing.id))
		.run();
	if (existing.status === 'registered') promoteWaitlisted(tx, eventId, now);
	return { ok: true };
}

/** The person signs off themselves. */
export function cancelRegistration(
	userId: string,
	eventId: string,
	now = new Date()
): CancelResult {
	return getDb().transaction((tx) => withdraw(tx, userId, eventId, now), {
		behavior: 'immediate'
	});
}

/**
 * An organiser (the caller checked canManageEvent) takes someone off the list: as if they had
 * signed off, plus a notice to them and an audit entry.
 */
export function removeRegistration(
	organiser: Pick<SessionUser, 'id'>,
	event: { id: string; title: string; startsAt: Date },
	userId: string,
	now = new Date()
): CancelResult {
	return getDb().transaction(
		(tx) => {
			const result = withdraw(tx, userId, event.id, now);
			if (!result.ok) return result;
			notifyPerson(userId, event, 'removed', now);
			recordAudit(
				{
					actorId: organiser.id,
					action: 'event.registration_removed',
					objectType: 'event',
					objectId: event.id,
					subjectUserId: userId
				},
				tx,
				now
			);
			return result;
		},
		{ behavior: 'immediate' }
	);
}

/** Fills free seats of a published, not yet started event from the waiting list, in order. */
export function promoteWaitlisted(tx: Tx, eventId: string, now: Date): void {
	const event = tx.select().from(events).where(eq(events.id, eventId)).get();
	if (!event || event.status !== 'published' || now >= event.startsAt) return;
	let free = event.capacity - seatsTaken(tx, eventId);
	while (free > 0) {
		const next = tx
			.select({ id: eventRegistrations.id, userId: eventRegistrations.userId })
			.from(eventRegistrations)
			.where(
				and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waitlisted'))
			)
			.orderBy(asc(eventRegistrations.registeredAt), asc(eventRegistrations.id))
			.get();
		if (!next) return;
		tx.update(eventRegistrations)
			.set({ status: 'registered', updatedAt: now })
			.where(eq(eventRegistrations.id, next.id))
			.run();
		notifyPerson(next.userId, event, 'promoted', now);
		free -= 1;
	}
}

export interface Registration {
	status: 'registered' | 'waitlisted' | 'cancelled';
	/** 1 for the first on the waiting list; null when not waiting. */
	position: number | null;
}

export function registrationOf(userId: string, eventId: string): Registration | null {
	const db = getDb();
	const mine = db
		.select({
			status: eventRegistrations.status,
			registeredAt: eventRegistrations.registeredAt,
			id: eventRegistrations.id
		})
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId)))
		.get();
	if (!mine) return null;
	if (mine.status !== 'waitlisted') return { status: mine.status, position: null };
	const waiting = db
		.select({ id: eventRegistrations.id })
		.from(eventRegistrations)
		.where(
			and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waitlisted'))
		)
		.orderBy(asc(eventRegistrations.registeredAt), asc(eventRegistrations.id))
		.all();
	return { status: 'waitlisted', position: waiting.findIndex((row) => row.id === mine.id) + 1 };
}

export function seatCounts(eventId: string) {
	const rows = getDb()
		.select({ status: eventRegistrations.status, n: count() })
		.from(eventRegistrations)
		.where(eq(eventRegistrations.eventId, eventId))
		.groupBy(eventRegistrations.status)
		.all();
	const of = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
	return { registered: of('registered'), waitlisted: of('waitlisted') };
}
