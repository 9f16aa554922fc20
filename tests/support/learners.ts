import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';

/** The app's row ID shape: 16 characters of base32. */
const rowId = () =>
	[...randomBytes(16)].map((byte) => 'abcdefghijklmnopqrstuvwxyz234567'[byte % 32]).join('');

export interface TestLearner {
	userId: string;
	email: string;
	/** `session=<token>`, usable as a Cookie header. */
	cookie: string;
}

/**
 * Creates learners with a live session each, enrolled in `courseId`, directly in the database:
 * logging in hundreds of users through argon2 would measure the password hash, not the app.
 * Their password hash is unusable, so nobody can log in as them.
 */
export function createLearners(
	databasePath: string,
	count: number,
	courseId: string
): TestLearner[] {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	const now = Date.now();
	const insertUser = db.prepare(
		`insert into users (id, email, name, password_hash, role, active, created_at, email_confirmed_at)
		 values (?, ?, ?, '!', 'learner', 1, ?, ?)`
	);
	const insertEnrolment = db.prepare(
		'insert into enrolments (id, user_id, course_id, created_at) values (?, ?, ?, ?)'
	);
	const insertSession = db.prepare(
		'insert into sessions (id, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)'
	);
	const learners: TestLearner[] = [];
	db.transaction(() => {
		for (let i = 0; i < count; i += 1) {
			const userId = rowId();
			const email = `last-${userId}@example.org`;
			const token = randomBytes(20).toString('hex');
			const sessionId = createHash('sha256').update(token).digest('hex');
			insertUser.run(userId, email, `Lernende ${i + 1}`, now, now);
			insertEnrolment.run(rowId(), userId, courseId, now);
			insertSession.run(sessionId, userId, now, now, now + 24 * 3600 * 1000);
			learners.push({ userId, email, cookie: `session=${token}` });
		}
	})();
	db.close();
	return learners;
}

/** Another live session for an existing user, as from a second browser. */
export function addSession(databasePath: string, userId: string): string {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	const token = randomBytes(20).toString('hex');
	const now = Date.now();
	db.prepare(
		'insert into sessions (id, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)'
	).run(createHash('sha256').update(token).digest('hex'), userId, now, now, now + 86_400_000);
	db.close();
	return `session=${token}`;
}
