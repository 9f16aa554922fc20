import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
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

export function publishEvent(actor: SessionUser, event: EventRecord, now = new Date()): boolean {
	if (event.status !== 'draft') return false;
	getDb().transaction((tx) => {
		tx.update(events).set({ status: 'published' }).where(eq(events.id, event.id)).run();
		notifyEventChange(event.id, 'invited', now);
		audit(tx, actor, 'event.published', event.id);
	});
	return true;
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

/** The events a staff member runs, newest start first. */
export function listManagedEvents(user: SessionUser) {
	const db = getDb();
	return db
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
		.where(user.role === 'admin' ? undefined : eq(events.createdBy, user.id))
		.orderBy(desc(events.startsAt))
		.all();
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
