import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

/** drizzle's bookkeeping table, kept as it is: databases migrated by either runner agree. */
const JOURNAL_TABLE = `CREATE TABLE IF NOT EXISTS __drizzle_migrations (
	id SERIAL PRIMARY KEY,
	hash text NOT NULL,
	created_at numeric
)`;

/**
 * Applies the migrations in `folder` that the database has not seen, all in one transaction;
 * returns how many. drizzle's own `migrate()` looks up the last applied migration before it
 * takes the write lock, so two processes starting at once on the same file (a cluster, the server
 * next to a CLI) both saw it missing and the second failed on "table already exists". Here the
 * lookup runs under the write lock (IMMEDIATE): the second process waits for the first and then
 * finds nothing left to do.
 */
export function applyMigrations(client: Database.Database, folder: string): number {
	const migrations = readMigrationFiles({ migrationsFolder: folder });
	const apply = client.transaction(() => {
		client.prepare(JOURNAL_TABLE).run();
		const last = client
			.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1')
			.get() as { created_at: number | string } | undefined;
		const pending = migrations.filter(
			(migration) => !last || Number(last.created_at) < migration.folderMillis
		);
		const record = client.prepare(
			'INSERT INTO __drizzle_migrations ("hash", "created_at") VALUES (?, ?)'
		);
		for (const migration of pending) {
			for (const statement of migration.sql) client.prepare(statement).run();
			record.run(migration.hash, migration.folderMillis);
		}
		return pending.length;
	});
	return apply.immediate();
}
