import { and, asc, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { recordAudit, type AuditAction } from '../audit';
import type { SessionUser } from '../auth/session';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { eventAudience, eventRegistrations, events } from '../db/schema';
import type { AudienceChoice, EventInput } from './form';
import { notifyEventChange } from './notify';
import { promoteWaitlisted, type Tx } from './queue';

export type EventRecord = typeof events.$inferSelect;

export function getEvent(id: string): EventRecord | undefined {
	return getDb().select().from(events).where(eq(events.id, id)).get();
}

function audit(tx: Tx, actor: SessionUser, action: AuditAction, eventId: string, details = {}) {
	recordAudit({ actorId: actor.id, action, objectType: 'event', objectId: eventId, details }, tx);
}

function writeAudience(tx: Tx, eventId: string, audience: AudienceChoice[]) {
	tx.delete(eventAudience).where(eq(eventAudience.eventId, eventId)).run();
	if (audience.length) {
		tx.insert(eventAudience)
			.values(audience.map((choice) => ({ eventId, ...choice })))
			.run();
	}
}

/** A new event starts as a draft: nobody is told until it is published. */
export function createEvent(
	actor: SessionUser,
	input: EventInput,
	audience: AudienceChoice[]
): string {
	const id = generateId();
	getDb().transaction((tx) => {
		tx.insert(events)
			.values({ id, ...input, status: 'draft', createdBy: actor.id })
			.run();
		writeAudience(tx, id, audience);
		audit(tx, actor, 'event.created', id, { title: input.title });
	});
	return id;
}

/**
 * Saves changes; a larger capacity moves people up from the waiting list, and on a published
 * event newly invited alumni are told.
 */
export function updateEvent(
	actor: SessionUser,
	event: EventRecord,
	input: EventInput,
	audience: AudienceChoice[],
	now = new Date()
): void {
	getDb().transaction(
		(tx) => {
			tx.update(events).set(input).where(eq(events.id, event.id)).run();
			writeAudience(tx, event.id, audience);
			if (event.status === 'published') {
				promoteWaitlisted(tx, event.id, now);
				notifyEventChange(event.id, 'invited', now);
			}
			audit(tx, actor, 'event.updated', event.id, { title: input.title });
		},
		{ behavior: 'immediate' }
	);
}

export type PublishRefusal = 'not_draft' | 'started' | 'deadline_passed';

/**
 * Why a draft cannot be published (yet), or null: publishing invites people, so not to an event
 * that has begun or whose registration deadline has passed meanwhile.
 */
export function publishRefusal(event: EventRecord, now = new Date()): PublishRefusal | null {
	if (event.status !== 'draft') return 'not_draft';
	if (event.startsAt <= now) return 'started';
	if (event.registrationDeadline && event.registrationDeadline <= now) return 'deadline_passed';
	return null;
}

export function publishEvent(
	actor: SessionUser,
	event: EventRecord,
	now = new Date()
): { ok: true } | { ok: false; reason: PublishRefusal } {
	const refusal = publishRefusal(event, now);
	if (refusal) return { ok: false, reason: refusal };
	getDb().transaction((tx) => {
		tx.update(events).set({ status: 'published' }).where(eq(events.id, event.id)).run();
		notifyEventChange(event.id, 'invited', now);
		audit(tx, actor, 'event.published', event.id);
	});
	return { ok: true };
}

/** Cancelling tells everyone registered or waiting; their registrations stay for the record. */
export function cancelEvent(actor: SessionUser, event: EventRecord, now = new Date()): boolean {
	if (event.status === 'cancelled') return false;
	getDb().transaction((tx) => {
		tx.update(events).set({ status: 'cancelled' }).where(eq(events.id, event.id)).run();
		if (event.status === 'published') notifyEventChange(event.id, 'cancelled', now);
		audit(tx, actor, 'event.cancelled', event.id);
	});
	return true;
}

/**
 * Upcoming: not yet ended (running ones included, as the cohort list's „Aktuell“ does). Past:
 * its end has passed.
 */
export type EventPeriod = 'upcoming' | 'past';

export const eventPeriodParam = (params: URLSearchParams): EventPeriod =>
	params.get('zeitraum') === 'vergangen' ? 'past' : 'upcoming';

const inEventPeriod = (period: EventPeriod, now: Date): SQL =>
	period === 'past' ? lt(events.endsAt, now) : gte(events.endsAt, now);

/**
 * The events a staff member runs (admins: all) in one period, upcoming soonest first, past ones
 * latest first; `periods` counts both for the list's tabs.
 */
export function listManagedEvents(user: SessionUser, period: EventPeriod, now = new Date()) {
	const db = getDb();
	const own = user.role === 'admin' ? undefined : eq(events.createdBy, user.id);
	const rows = db
		.select({
			id: events.id,
			title: events.title,
			status: events.status,
			startsAt: events.startsAt,
			endsAt: events.endsAt,
			capacity: events.capacity,
			registered: sql<number>`(select count(*) from ${eventRegistrations} where ${eventRegistrations.eventId} = ${events.id} and ${eventRegistrations.status} = 'registered')`,
			waitlisted: sql<number>`(select count(*) from ${eventRegistrations} where ${eventRegistrations.eventId} = ${events.id} and ${eventRegistrations.status} = 'waitlisted')`
		})
		.from(events)
		.where(and(own, inEventPeriod(period, now)))
		.orderBy(period === 'past' ? desc(events.startsAt) : asc(events.startsAt))
		.all();
	const count = (p: EventPeriod) =>
		db
			.select({ n: sql<number>`count(*)` })
			.from(events)
			.where(and(own, inEventPeriod(p, now)))
			.get()?.n ?? 0;
	return { rows, periods: { upcoming: count('upcoming'), past: count('past') } };
}

/** Published and cancelled events, for the guests' list (filtered by invitation by the caller). */
export function listVisibleEvents(ids?: string[]) {
	return getDb()
		.select({
			id: events.id,
			title: events.title,
			status: events.status,
			format: events.format,
			place: events.place,
			startsAt: events.startsAt,
			endsAt: events.endsAt,
			createdBy: events.createdBy
		})
		.from(events)
		.where(and(ne(events.status, 'draft'), ids ? inArray(events.id, ids) : undefined))
		.orderBy(asc(events.startsAt))
		.all();
}
