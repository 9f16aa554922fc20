import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, getDb } from '$lib/server/db';

/** Points the app at a fresh, migrated SQLite file; call at the top of a test file. */
export function useFreshDatabase() {
	closeDb();
	process.env.DATABASE_PATH = join(mkdtempSync(join(tmpdir(), 'lernplattform-test-')), 'test.db');
	return getDb();
}
