import Database from 'better-sqlite3';
import { E2E_DATABASE_PATH } from './paths.js';

/** Direct access to the test server's database, only for states the UI cannot create. */
export function withDatabase<T>(fn: (db: Database.Database) => T): T {
	const db = new Database(E2E_DATABASE_PATH);
	db.pragma('busy_timeout = 5000');
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

export function countUsers(): number {
	return withDatabase(
		(db) => (db.prepare('select count(*) as n from users').get() as { n: number }).n
	);
}
