import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, count, eq, gt, inArray, lt, lte } from 'drizzle-orm';
import { getDb } from '../db';
import { throttleEvents } from '../db/schema';

// Count limits that hold under concurrency: a slot is reserved in SQLite *before* the work it
// pays for (a password check, a hash, a lookup), in one IMMEDIATE transaction that checks and
// records together. Parallel requests, in one process or several, can never pass a limit.

export interface Limit {
	max: number;
	windowMs: number;
}

export interface SlotRequest {
	/** What is counted, e.g. `login-pair`; part of the stored key. */
	bucket: string;
	/** Whom it is counted for, e.g. an IP address or `email|ip`. */
	value: string;
	limit: Limit;
}

export type Reservation = { ok: true; ids: number[] } | { ok: false; refused: string[] };

/** No window is longer than a day; older rows are removed in passing. */
const LONGEST_WINDOW_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
let lastPrune = 0;

export const throttleKey = (bucket: string, value: string) =>
	encodeHexLowerCase(sha256(new TextEncoder().encode(`${bucket}:${value}`)));

/**
 * Takes one slot from every request, or none: refused when any key already holds `max` events
 * within its window. `refused` names the buckets that were full.
 */
export function reserveSlots(requests: SlotRequest[], now = new Date()): Reservation {
	const db = getDb();
	const reservation = db.transaction(
		(tx): Reservation => {
			const refused: string[] = [];
			const keys = requests.map((request) => throttleKey(request.bucket, request.value));
			requests.forEach((request, index) => {
				const since = new Date(now.getTime() - request.limit.windowMs);
				const used =
					tx
						.select({ n: count() })
						.from(throttleEvents)
						.where(and(eq(throttleEvents.key, keys[index]!), gt(throttleEvents.at, since)))
						.get()?.n ?? 0;
				if (used >= request.limit.max) refused.push(request.bucket);
			});
			if (refused.length) return { ok: false, refused };
			const rows = tx
				.insert(throttleEvents)
				.values(keys.map((key) => ({ key, at: now })))
				.returning({ id: throttleEvents.id })
				.all();
			return { ok: true, ids: rows.map((row) => row.id) };
		},
		// Takes the write lock before counting: another process cannot count the same free slot.
		{ behavior: 'immediate' }
	);
	pruneOldEvents(now);
	return reservation;
}

/** Gives reserved slots back, e.g. when a login succeeded (only failures count). */
export function releaseSlots(ids: number[]): void {
	if (ids.length) getDb().delete(throttleEvents).where(inArray(throttleEvents.id, ids)).run();
}

/** Forgets every event of a key, e.g. the failures of an account and address after a login. */
export function clearSlots(bucket: string, value: string): void {
	getDb()
		.delete(throttleEvents)
		.where(eq(throttleEvents.key, throttleKey(bucket, value)))
		.run();
}

function pruneOldEvents(now: Date): void {
	if (now.getTime() - lastPrune < PRUNE_EVERY_MS) return;
	lastPrune = now.getTime();
	getDb()
		.delete(throttleEvents)
		.where(lt(throttleEvents.at, new Date(now.getTime() - LONGEST_WINDOW_MS)))
		.run();
}

/** Events of a key within a window (for tests and for telling how many failures there were). */
export function countEvents(bucket: string, value: string, windowMs: number, now = new Date()) {
	return (
		getDb()
			.select({ n: count() })
			.from(throttleEvents)
			.where(
				and(
					eq(throttleEvents.key, throttleKey(bucket, value)),
					gt(throttleEvents.at, new Date(now.getTime() - windowMs)),
					lte(throttleEvents.at, now)
				)
			)
			.get()?.n ?? 0
	);
}
