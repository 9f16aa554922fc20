import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, getDb } from '$lib/server/db';
import { cohorts, users } from '$lib/server/db/schema';

/** Points the app at a fresh, migrated SQLite file; call at the top of a test file. */
export function useFreshDatabase() {
	closeDb();
	process.env.DATABASE_PATH = join(mkdtempSync(join(tmpdir(), 'lernplattform-test-')), 'test.db');
	return getDb();
}

/** A trainer (ID `trainer`) and a cohort of the course (ID `cohort`) created by them. */
export function insertTrainerCohort(courseId: string) {
	const db = getDb();
	db.insert(users)
		.values({
			id: 'trainer',
			email: 't@example.org',
			name: 'T',
			passwordHash: 'x',
			role: 'trainer'
		})
		.run();
	db.insert(cohorts).values({ id: 'cohort', courseId, name: 'K', createdBy: 'trainer' }).run();
}
