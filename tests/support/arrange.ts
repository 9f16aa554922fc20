import Database from 'better-sqlite3';

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
