import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { getDb } from '.';
import { leases } from './schema';

// A lock that holds across server processes (a cluster, the server next to a CLI) for work that
// is not a database transaction, such as writing and committing the content folder: a row in
// `leases`, taken under SQLite's write lock, with an end so that a process that died while
// holding it does not block the others for ever.

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tryTake(name: string, holder: string, leaseMs: number, now = Date.now()): boolean {
	return getDb().transaction(
		(tx) => {
			const held = tx
				.select({ until: leases.until })
				.from(leases)
				.where(eq(leases.name, name))
				.get();
			if (held && held.until.getTime() > now) return false;
			const until = new Date(now + leaseMs);
			tx.insert(leases)
				.values({ name, holder, until })
				.onConflictDoUpdate({ target: leases.name, set: { holder, until } })
				.run();
			return true;
		},
		{ behavior: 'immediate' }
	);
}

function release(name: string, holder: string): void {
	getDb()
		.delete(leases)
		.where(and(eq(leases.name, name), eq(leases.holder, holder)))
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
		if (Date.now() >= deadline) {
			throw new LeaseTimeout(`lease ${name} still held after ${waitMs} ms`);
		}
		await pause(pollMs);
	}
	try {
		return await task();
	} finally {
		release(name, holder);
	}
}
