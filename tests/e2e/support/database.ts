import Database from 'better-sqlite3';
import { uniqueEmail } from './fixtures';
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

const base32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** An ID of the app's shape (16 characters of base32), so routes' param matchers accept it. */
export const randomId = () =>
	Array.from({ length: 16 }, () => base32[Math.floor(Math.random() * 32)]).join('');

/** A user who signs in with the demo password (its hash copied from the demo learner). */
export function createUser(role: 'learner' | 'trainer', name: string) {
	const email = uniqueEmail(role);
	const id = randomId();
	withDatabase((db) => {
		const { hash } = db
			.prepare('select password_hash as hash from users where email = ?')
			.get('lernende@example.org') as { hash: string };
		db.prepare(
			'insert into users (id, email, name, password_hash, role, email_confirmed_at) values (?, ?, ?, ?, ?, ?)'
		).run(id, email, name, hash, role, Date.now());
	});
	return { id, email, name };
}

/** A cohort of a course run by one trainer, with the given learners enrolled in it. */
export function createCohort(courseId: string, trainerId: string, learnerIds: string[]) {
	const id = randomId();
	withDatabase((db) => {
		db.prepare('insert into cohorts (id, course_id, name, created_by) values (?, ?, ?, ?)').run(
			id,
			courseId,
			`Lehrgang ${id.slice(0, 5)}`,
			trainerId
		);
		db.prepare('insert into cohort_trainers (cohort_id, user_id) values (?, ?)').run(id, trainerId);
		for (const learnerId of learnerIds) {
			db.prepare(
				'insert into enrolments (id, user_id, course_id, cohort_id) values (?, ?, ?, ?)'
			).run(randomId(), learnerId, courseId, id);
		}
	});
	return id;
}

/** The studio right for a course (`*`: all), as an admin grants it on the user page. */
export function grantAuthoring(userId: string, courseId: string) {
	withDatabase((db) =>
		db
			.prepare('insert or ignore into authoring_grants (user_id, course_id) values (?, ?)')
			.run(userId, courseId)
	);
}

/**
 * Opens a course for self-enrolment, as an admin does on /admin/kurse (`setOpenForEnrolment`):
 * the demo data opens shipped courses only, never a fixture course.
 */
export function openForEnrolment(courseId: string, open = true) {
	withDatabase((db) =>
		db
			.prepare(
				`insert into course_settings (course_id, open_enrolment) values (?, ?)
				 on conflict (course_id) do update set open_enrolment = excluded.open_enrolment`
			)
			.run(courseId, open ? 1 : 0)
	);
}

/**
 * A valid certificate of a course, as if issued: what makes a person an alumnus (mentoring).
 * Not signed; only its existence and status count for these journeys.
 */
export function grantCertificate(userId: string, courseId: string) {
	const serial = 900_000 + Math.floor(Math.random() * 99_999);
	withDatabase((db) =>
		db
			.prepare(
				`insert into certificates (id, user_id, course_id, year, serial, number, code, status, snapshot, signature, issued_at)
				 values (?, ?, ?, 2026, ?, ?, ?, 'valid', '{}', '-', ?)`
			)
			.run(randomId(), userId, courseId, serial, `2026-${serial}`, randomId(), Date.now())
	);
}
