import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

/** The app's row ID shape (16 characters of base32), so routes' param matchers accept it. */
export const rowId = () =>
	[...randomBytes(16)].map((byte) => 'abcdefghijklmnopqrstuvwxyz234567'[byte % 32]).join('');

/** Enrols a user in a course directly in the bench database (idempotent). */
export function enrolByEmail(databasePath: string, email: string, courseId: string): void {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	try {
		const user = db.prepare('select id from users where email = ?').get(email) as
			{ id: string } | undefined;
		if (!user) throw new Error(`no user ${email}`);
		db.prepare(
			`insert or ignore into enrolments (id, user_id, course_id, created_at)
			 values (?, ?, ?, ?)`
		).run(crypto.randomUUID(), user.id, courseId, Date.now());
	} finally {
		db.close();
	}
}

/**
 * Gives a fixture course a copy of the demo cohort (same trainers, learners and module dates)
 * and the demo's authoring rights, as the demo data gives the shipped IKBO course; returns the
 * new cohort's ID. The fixture courses are copies of shipped ones, so their module IDs differ
 * only in the course ID.
 */
export function copyDemoCohort(databasePath: string, courseId: string): string {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	try {
		const demo = db.prepare('select * from cohorts order by created_at limit 1').get() as
			{ id: string; course_id: string; name: string; created_by: string } | undefined;
		if (!demo) throw new Error('no demo cohort');
		const cohortId = rowId();
		const now = Date.now();
		db.transaction(() => {
			db.prepare(
				'insert into cohorts (id, course_id, name, created_by, created_at) values (?, ?, ?, ?, ?)'
			).run(cohortId, courseId, demo.name, demo.created_by, now);
			db.prepare(
				'insert into cohort_trainers (cohort_id, user_id) select ?, user_id from cohort_trainers where cohort_id = ?'
			).run(cohortId, demo.id);
			db.prepare(
				`insert into cohort_modules (cohort_id, module_id, starts_on, ends_on, place, assignment_due_on)
				 select ?, ? || substr(module_id, length(?) + 1), starts_on, ends_on, place, assignment_due_on
				 from cohort_modules where cohort_id = ?`
			).run(cohortId, courseId, demo.course_id, demo.id);
			const learners = db
				.prepare('select user_id as userId from enrolments where cohort_id = ?')
				.all(demo.id) as { userId: string }[];
			const enrol = db.prepare(
				`insert into enrolments (id, user_id, course_id, cohort_id, created_at, joined_cohort_at)
				 values (?, ?, ?, ?, ?, ?)`
			);
			for (const { userId } of learners) enrol.run(rowId(), userId, courseId, cohortId, now, now);
			db.prepare(
				`insert into authoring_grants (user_id, course_id, granted_by, created_at)
				 select user_id, ?, granted_by, ? from authoring_grants where course_id = ?`
			).run(courseId, now, demo.course_id);
		})();
		return cohortId;
	} finally {
		db.close();
	}
}
