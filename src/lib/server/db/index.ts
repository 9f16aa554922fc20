import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { databasePath, migrationsDir } from '../config/paths';
import { startupProblem } from '../config/startup';
import * as schema from './schema';
import { writeLimitsAsLiterals } from './literal';
import { cacheStatements } from './statement-cache';
import { applyMigrations } from './apply-migrations';

const foldCase = (text: unknown) =>
	typeof text === 'string' ? text.toLocaleLowerCase('de') : text;

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Pragmas (documented in the README):
 * - WAL: readers never block the writer; survives crashes without losing committed rows.
 * - synchronous=NORMAL: safe in WAL mode (a power loss can drop the last commits, never corrupt);
 *   FULL would fsync every commit and halve write throughput for little gain on a single host.
 * - busy_timeout: concurrent writers (cluster processes, CLI scripts) wait instead of failing.
 * - secure_delete: deleted rows are overwritten with zeros, so an erased person's name and
 *   address are gone from the file, not only unreachable (Art. 17 DSGVO; costs some writes).
 * And fold_case(text): lower case for all of Unicode (SQLite's lower() and LIKE fold only
 * ASCII, so "Ärger" would not find "ärger"); see containsTextAnyCase.
 */
export function openDatabase(path: string): Db {
	let client: Database.Database | undefined;
	try {
		createPrivately(path);
		client = new Database(path);
		client.pragma('journal_mode = WAL');
		client.pragma('synchronous = NORMAL');
		client.pragma('busy_timeout = 5000');
		client.pragma('secure_delete = ON');
		client.function('fold_case', { deterministic: true }, foldCase);
		const db = drizzle(client, { schema }) as Db;
		writeLimitsAsLiterals(db);
		migrateWithoutCascades(client);
		client.pragma('foreign_keys = ON');
		cacheStatements(client);
		return db;
	} catch (error) {
		client?.close();
		// A read-only folder or file is an operator fault: say which path and how to fix it.
		throw startupProblem({ de: 'Die Datenbank', en: 'The database' }, path, 'DATABASE_PATH', error);
	}
}

/**
 * The file holds personal data: a new one is readable by the server's user only, whatever the
 * umask of whoever starts it (SQLite gives its -wal and -shm files the same mode). An existing
 * file keeps the mode the operator gave it.
 */
function createPrivately(path: string): void {
	mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
	try {
		writeFileSync(path, '', { flag: 'wx', mode: 0o600 });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
}

/**
 * drizzle-kit changes a column by rebuilding the table (copy, drop, rename). With foreign keys
 * on, the drop would cascade into the child rows (an Austausch's posts), and the migration's own
 * `PRAGMA foreign_keys=OFF` is ignored inside its transaction: so they are off here, and checked
 * once it is done (SQLite's documented procedure for altering a table).
 */
function migrateWithoutCascades(client: Database.Database): void {
	client.pragma('foreign_keys = OFF');
	applyMigrations(client, migrationsDir());
	const broken = client.pragma('foreign_key_check') as unknown[];
	if (broken.length) throw new Error(`migration left ${broken.length} broken foreign keys`);
}

let instance: Db | undefined;

/** The process-wide connection, opened (and migrated) on first use, never during `vite build`. */
export function getDb(): Db {
	instance ??= openDatabase(databasePath());
	return instance;
}

/** Test helper: forget the connection so the next getDb() opens DATABASE_PATH afresh. */
export function closeDb(): void {
	instance?.$client.close();
	instance = undefined;
}

export { schema };
