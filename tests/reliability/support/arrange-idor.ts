import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { rowId as id } from '../../support/arrange';

const base32 = (bytes: Buffer) =>
	[...bytes].map((byte) => 'abcdefghijklmnopqrstuvwxyz234567'[byte % 32]).join('');

export const IKBO = 'probe-ikbo';
export const ASSIGNMENT = `${IKBO}/rolle-und-auftrag/praxisaufgabe-auftragsgespraech`;
export const SECRET_TEXT = 'Vertraulicher Entwurf von Aylin';

export interface IdorWorld {
	learnerA: string;
	cohortA: string;
	/** The second cohort, run by trainer B. */
	cohortB: string;
	trainerB: { id: string; cookie: string };
	learnerB: { id: string; cookie: string };
	/** A trainer who leads no cohort of the course. */
	strangerTrainer: { id: string; cookie: string };
	submissionId: string;
	fileId: string;
}

/**
 * Two cohorts of the IKBO course: the demo cohort (demo trainer, demo learner A with a
 * submitted practice assignment and its file) and a second one with its own trainer and learner.
 */
export function arrangeIdorWorld(databasePath: string, uploadDir: string): IdorWorld {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	const now = Date.now();
	const userId = (email: string) =>
		(db.prepare('select id from users where email = ?').get(email) as { id: string }).id;
	const learnerA = userId('lernende@example.org');
	const cohortA = (
		db
			.prepare('select cohort_id from enrolments where user_id = ? and course_id = ?')
			.get(learnerA, IKBO) as {
			cohort_id: string;
		}
	).cohort_id;

	const person = (role: 'trainer' | 'learner', name: string) => {
		const personId = id();
		const token = randomBytes(20).toString('hex');
		db.prepare(
			`insert into users (id, email, name, password_hash, role, active, created_at, email_confirmed_at) values (?, ?, ?, '!', ?, 1, ?, ?)`
		).run(personId, `${personId}@example.org`, name, role, now, now);
		db.prepare(
			'insert into sessions (id, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)'
		).run(createHash('sha256').update(token).digest('hex'), personId, now, now, now + 86_400_000);
		return { id: personId, cookie: `session=${token}` };
	};
	const trainerB = person('trainer', 'Trainerin Zwei');
	const learnerB = person('learner', 'Lernende Zwei');
	const strangerTrainer = person('trainer', 'Trainer ohne Lehrgang');
	const cohortB = id();
	db.prepare(
		'insert into cohorts (id, course_id, name, created_by, created_at) values (?, ?, ?, ?, ?)'
	).run(cohortB, IKBO, 'Zweiter Lehrgang', trainerB.id, now);
	db.prepare('insert into cohort_trainers (cohort_id, user_id) values (?, ?)').run(
		cohortB,
		trainerB.id
	);
	db.prepare(
		'insert into enrolments (id, user_id, course_id, cohort_id, created_at) values (?, ?, ?, ?, ?)'
	).run(id(), learnerB.id, IKBO, cohortB, now);

	const submissionId = id();
	const versionId = id();
	const fileId = id();
	const storedName = base32(randomBytes(32));
	db.prepare(
		`insert into submissions (id, user_id, course_id, item_id, cohort_id, status, draft_text, created_at, updated_at)
		 values (?, ?, ?, ?, ?, 'submitted', '', ?, ?)`
	).run(submissionId, learnerA, IKBO, ASSIGNMENT, cohortA, now, now);
	db.prepare(
		'insert into submission_versions (id, submission_id, version, text, submitted_at) values (?, ?, 1, ?, ?)'
	).run(versionId, submissionId, SECRET_TEXT, now);
	const pdf = Buffer.from('%PDF-1.4\n% vertraulich\n%%EOF\n');
	mkdirSync(uploadDir, { recursive: true });
	writeFileSync(join(uploadDir, storedName), pdf);
	db.prepare(
		`insert into submission_files (id, submission_id, version_id, stored_name, original_name, mime_type, size, uploaded_at)
		 values (?, ?, ?, ?, 'gespraech.pdf', 'application/pdf', ?, ?)`
	).run(fileId, submissionId, versionId, storedName, pdf.length, now);
	db.close();
	return { learnerA, cohortA, cohortB, trainerB, learnerB, strangerTrainer, submissionId, fileId };
}
