import Database from 'better-sqlite3';

export function openDb(path: string, readonly = false): Database.Database {
	const db = new Database(path, { readonly, fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	return db;
}

/** Row counts and a content hash per table: equal fingerprints mean nothing changed. */
export function fingerprint(path: string, ignore: string[] = []): Record<string, string> {
	const db = openDb(path, true);
	try {
		const tables = (
			db
				.prepare(
					"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'"
				)
				.all() as { name: string }[]
		)
			.map((row) => row.name)
			.filter((name) => !ignore.includes(name));
		const result: Record<string, string> = {};
		for (const table of tables.sort()) {
			const rows = db.prepare(`select * from "${table}"`).all();
			const text = rows
				.map((row) => JSON.stringify(row))
				.sort()
				.join('\n');
			result[table] = `${rows.length}:${fnv1a(text)}`;
		}
		return result;
	} finally {
		db.close();
	}
}

/**
 * Waits until the server's mail worker has dealt with every mail that is due (none queued or
 * sending). The worker runs on its own timer, so without this a fingerprint taken right after
 * the arrangement could see a mail change state in the middle of a case.
 */
export async function waitForSettledOutbox(path: string, timeoutMs = 10_000): Promise<void> {
	const db = openDb(path, true);
	try {
		const pending = db.prepare(
			"select count(*) as n from mail_outbox where status in ('queued', 'sending') and next_attempt_at <= ?"
		);
		const until = Date.now() + timeoutMs;
		while ((pending.get(Date.now()) as { n: number }).n > 0) {
			if (Date.now() > until) throw new Error('mail outbox did not settle');
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	} finally {
		db.close();
	}
}

function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i += 1) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16);
}

export function integrityCheck(path: string): string {
	const db = openDb(path, true);
	try {
		return db.pragma('integrity_check', { simple: true }) as string;
	} finally {
		db.close();
	}
}
