import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '.';
import { settings } from './schema';

// A lock that holds across server processes (a cluster, the server next to a CLI) for work that
// is not a database transaction, such as writing and committing the content folder: a row in
// `settings`, taken under SQLite's write lock, with an end so that a process that died while
// holding it does not block the others for ever.

const key = (name: string) => `lease:${name}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface LeaseValue {
	holder: string;
	until: number;
}

function tryTake(name: string, holder: string, leaseMs: number, now = Date.now()): boolean {
	const db = getDb();
	return db.transaction(
		(tx) => {
			const row = tx
				.select({ value: settings.value })
				.from(settings)
				.where(eq(settings.key, key(name)))
				.get();
			const held = row?.value as LeaseValue | undefined;
			if (held && held.until > now) return false;
			const value: LeaseValue = { holder, until: now + leaseMs };
			tx.insert(settings)
				.values({ key: key(name), value, updatedAt: new Date(now) })
				.onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date(now) } })
				.run();
			return true;
		},
		{ behavior: 'immediate' }
	);
}

function release(name: string, holder: string): void {
	getDb()
		.delete(settings)
		.where(
			and(eq(settings.key, key(name)), sql`json_extract(${settings.value}, '$.holder') = ${holder}`)
		)
		.run();
}

export class LeaseTimeout extends Error {}

/**
 * Runs `task` while this process holds the lease `name`, waiting (polling) for another holder to
 * finish. Not re-entrant: a task must not ask for the lease it runs under.
 */
export async function withLease<T>(
	name: string,
	task: () => Promise<T>,
	{ leaseMs = 120_000, waitMs = 60_000, pollMs = 25 } = {}
): Promise<T> {
	const holder = randomUUID();
	const deadline = Date.now() + waitMs;
	while (!tryTake(name, holder, leaseMs)) {
		if (Date.now() >= deadline)
			throw new LeaseTimeout(`lease ${name} still held after ${waitMs} ms`);
		await pause(pollMs);
	}
	try {
		return await task();
	} finally {
		release(name, holder);
	}
}
