import Database from 'better-sqlite3';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lesson, quiz } from './large-course';

// Data for the scaling bench at a factor of the demo's size: a course with 30 × factor items,
// a cohort of 50 × factor learners (each halfway through) and 1,000 × factor completion events
// for the demo learner in that course (marked, unmarked and marked again).

export const SCALED_COURSE = 'skalierung';
const LESSONS_PER_MODULE = 5;
const pad = (n: number) => String(n).padStart(3, '0');

/** The shipped courses plus a generated one with 5 × factor modules of 5 lessons and a quiz. */
export function writeScaledContent(contentDir: string, factor: number): string[] {
	cpSync('content', contentDir, { recursive: true });
	const courseDir = join(contentDir, 'courses', `98-${SCALED_COURSE}`);
	mkdirSync(courseDir, { recursive: true });
	writeFileSync(
		join(courseDir, 'course.md'),
		`---\ntitle: "Skalierung ×${factor}"\nsummary: "Erzeugt für Messungen."\nunlock: open\n---\n`
	);
	const items: string[] = [];
	for (let m = 1; m <= 5 * factor; m += 1) {
		const moduleDir = join(courseDir, `${pad(m)}-modul-${m}`);
		mkdirSync(moduleDir, { recursive: true });
		writeFileSync(join(moduleDir, 'module.md'), `---\ntitle: "Modul ${m}"\nhours: 2\n---\n`);
		for (let l = 1; l <= LESSONS_PER_MODULE; l += 1) {
			writeFileSync(join(moduleDir, `${pad(l)}-lektion-${l}.md`), lesson(m, l));
			items.push(`${SCALED_COURSE}/modul-${m}/lektion-${l}`);
		}
		writeFileSync(join(moduleDir, `${pad(LESSONS_PER_MODULE + 1)}-test.md`), quiz(m, 1));
		items.push(`${SCALED_COURSE}/modul-${m}/test`);
	}
	return items;
}

/** A row ID of the app's shape (16 characters of base32) that names what it is. */
const rowId = (n: number, prefix: string) =>
	(
		prefix +
		String(n)
			.padStart(6, '0')
			.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)
	)
		.padEnd(16, 'q')
		.slice(0, 16);

/**
 * Fills the running demo's database: the demo learner and 50 × factor learners in a cohort of the
 * scaled course led by the demo trainer. Returns the cohort's ID.
 */
export function writeScaledProgress(
	databasePath: string,
	items: string[],
	factor: number,
	emails: { learner: string; trainer: string }
): string {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	const idOf = (email: string) =>
		(db.prepare('select id from users where email = ?').get(email) as { id: string }).id;
	const learnerId = idOf(emails.learner);
	const trainerId = idOf(emails.trainer);
	const cohortId = rowId(factor, 'skalierung');
	const now = Date.now();
	const insertUser = db.prepare(
		`insert into users (id, email, name, password_hash, role, active, created_at, email_confirmed_at)
		 values (?, ?, ?, '!', 'learner', 1, ?, ?)`
	);
	const insertEnrolment = db.prepare(
		'insert into enrolments (id, user_id, course_id, cohort_id, created_at) values (?, ?, ?, ?, ?)'
	);
	const insertEvent = db.prepare(
		`insert into completion_events (user_id, course_id, item_id, kind, source, at)
		 values (?, ?, ?, ?, 'lesson_marked', ?)`
	);
	db.transaction(() => {
		db.prepare(
			'insert into cohorts (id, course_id, name, created_by, created_at) values (?, ?, ?, ?, ?)'
		).run(cohortId, SCALED_COURSE, `Skalierung ×${factor}`, trainerId, now);
		db.prepare('insert into cohort_trainers (cohort_id, user_id) values (?, ?)').run(
			cohortId,
			trainerId
		);
		insertEnrolment.run(rowId(0, 'enrolment'), learnerId, SCALED_COURSE, cohortId, now);
		// The demo learner marked and unmarked items over and over: 1,000 × factor events.
		for (let n = 0; n < 1000 * factor; n += 1) {
			const kind = Math.floor(n / items.length) % 2 === 0 ? 'completed' : 'uncompleted';
			insertEvent.run(learnerId, SCALED_COURSE, items[n % items.length], kind, now - 1e9 + n);
		}
		for (let i = 1; i <= 50 * factor; i += 1) {
			const userId = rowId(i, 'learner');
			insertUser.run(userId, `skalierung-${i}@example.org`, `Lernende ${pad(i)}`, now, now);
			insertEnrolment.run(rowId(i, 'enrolment'), userId, SCALED_COURSE, cohortId, now);
			for (const item of items.slice(0, (i * 7) % items.length)) {
				insertEvent.run(userId, SCALED_COURSE, item, 'completed', now - 1e6);
			}
		}
	})();
	db.close();
	return cohortId;
}
