import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '.';
import { migrationsDir } from '../config/paths';
import { users } from './schema';

// drizzle-kit's way of changing a column (here: parent.name loses NOT NULL), as in 0012.
const migrations = [
	`CREATE TABLE parent (id text PRIMARY KEY NOT NULL, name text NOT NULL);
--> statement-breakpoint
CREATE TABLE child (id text PRIMARY KEY NOT NULL, parent_id text NOT NULL REFERENCES parent(id) ON DELETE cascade);
--> statement-breakpoint
INSERT INTO parent VALUES ('p', 'P');
--> statement-breakpoint
INSERT INTO child VALUES ('c', 'p');`,
	`PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE __new_parent (id text PRIMARY KEY NOT NULL, name text);
--> statement-breakpoint
INSERT INTO __new_parent("id", "name") SELECT "id", "name" FROM parent;--> statement-breakpoint
DROP TABLE parent;--> statement-breakpoint
ALTER TABLE __new_parent RENAME TO parent;--> statement-breakpoint
PRAGMA foreign_keys=ON;`
];

function migrationsFolder(count: number): string {
	const dir = mkdtempSync(join(tmpdir(), 'lernplattform-migrations-'));
	mkdirSync(join(dir, 'meta'));
	const entries = migrations.slice(0, count).map((sql, idx) => {
		const tag = `000${idx}_step`;
		writeFileSync(join(dir, `${tag}.sql`), sql);
		return { idx, version: '6', when: 1_700_000_000_000 + idx, tag, breakpoints: true };
	});
	writeFileSync(
		join(dir, 'meta', '_journal.json'),
		JSON.stringify({ version: '7', dialect: 'sqlite', entries })
	);
	return dir;
}

/** The project's migrations up to and including `last` (its journal index). */
function migrationsUpTo(last: number): string {
	const dir = mkdtempSync(join(tmpdir(), 'lernplattform-migrations-'));
	cpSync(migrationsDir(), dir, { recursive: true });
	const journalPath = join(dir, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
	journal.entries = journal.entries.filter((entry) => entry.idx <= last);
	writeFileSync(journalPath, JSON.stringify(journal));
	return dir;
}

/** A database with the project's migrations up to `last` and one learner, `u`. */
function learnerDatabaseUpTo(last: number) {
	const path = join(mkdtempSync(join(tmpdir(), 'lernplattform-test-')), 'test.db');
	process.env.MIGRATIONS_DIR = migrationsUpTo(last);
	const before = openDatabase(path);
	// In SQL: the schema's columns are those of the newest migration, not of `last`.
	before.$client
		.prepare(
			"insert into users (id, email, name, password_hash, role) values ('u', 'u@example.org', 'U', 'x', 'learner')"
		)
		.run();
	return { path, before };
}

const quizVersion = (title: string) =>
	JSON.stringify({ id: 'kurs/modul/quiz', title, questions: [], contentHash: title });

describe('opening a database', () => {
	const saved = process.env.MIGRATIONS_DIR;
	afterEach(() => {
		if (saved === undefined) delete process.env.MIGRATIONS_DIR;
		else process.env.MIGRATIONS_DIR = saved;
	});

	it('keeps the rows that reference a table a migration rebuilds, and turns foreign keys on', () => {
		const path = join(mkdtempSync(join(tmpdir(), 'lernplattform-test-')), 'test.db');
		process.env.MIGRATIONS_DIR = migrationsFolder(1);
		openDatabase(path).$client.close();
		process.env.MIGRATIONS_DIR = migrationsFolder(2);
		const client = openDatabase(path).$client;
		expect(client.prepare('select id from child').all()).toEqual([{ id: 'c' }]);
		expect(client.pragma('foreign_keys', { simple: true })).toBe(1);
		client.close();
	});

	it('0021 keeps every attempt with the quiz it started on, each quiz version stored once', () => {
		const all = migrationsDir();
		const { path, before } = learnerDatabaseUpTo(20);
		const insert = before.$client.prepare(
			`insert into quiz_attempts (id, user_id, course_id, quiz_id, content_hash, quiz_snapshot,
			 layout, status, started_at) values (?, 'u', 'kurs', 'kurs/modul/quiz', 'h', ?, '{}', 'open', 0)`
		);
		insert.run('a1', quizVersion('Alt'));
		insert.run('a2', quizVersion('Alt'));
		insert.run('a3', quizVersion('Neu'));
		before.$client.close();

		process.env.MIGRATIONS_DIR = all;
		const client = openDatabase(path).$client;
		const rows = client
			.prepare(
				`select a.id, s.snapshot from quiz_attempts a join quiz_snapshots s on s.id = a.snapshot_id
				 order by a.id`
			)
			.all() as { id: string; snapshot: string }[];
		expect(rows).toEqual([
			{ id: 'a1', snapshot: quizVersion('Alt') },
			{ id: 'a2', snapshot: quizVersion('Alt') },
			{ id: 'a3', snapshot: quizVersion('Neu') }
		]);
		expect(client.prepare('select count(*) as n from quiz_snapshots').get()).toEqual({ n: 2 });
		client.close();
	});

	it('0022 gives every learner and course with events a version that each insert and delete raises', () => {
		const all = migrationsDir();
		const { path, before } = learnerDatabaseUpTo(21);
		const insertEvent = (db: typeof before, courseId: string) =>
			db.$client
				.prepare(
					`insert into completion_events (user_id, course_id, item_id, kind, source, at)
					 values ('u', ?, ?, 'completed', 'lesson_marked', 0)`
				)
				.run(courseId, `${courseId}/m/l`);
		insertEvent(before, 'k1');
		insertEvent(before, 'k1');
		insertEvent(before, 'k2');
		before.$client.close();

		process.env.MIGRATIONS_DIR = all;
		const db = openDatabase(path);
		const versions = () =>
			db.$client
				.prepare('select course_id as courseId, version from completion_stamps order by course_id')
				.all();
		expect(versions()).toEqual([
			{ courseId: 'k1', version: 2 },
			{ courseId: 'k2', version: 1 }
		]);
		insertEvent(db, 'k1');
		db.$client.prepare("delete from completion_events where course_id = 'k2'").run();
		insertEvent(db, 'k3');
		expect(versions()).toEqual([
			{ courseId: 'k1', version: 3 },
			{ courseId: 'k2', version: 2 },
			{ courseId: 'k3', version: 1 }
		]);
		db.$client.prepare("delete from users where id = 'u'").run();
		expect(versions()).toEqual([]);
		db.$client.close();
	});

	it('0028 counts every account made before it as confirmed since its creation', () => {
		const all = migrationsDir();
		const { path, before } = learnerDatabaseUpTo(27);
		const { createdAt } = before.$client
			.prepare("select created_at as createdAt from users where id = 'u'")
			.get() as { createdAt: number };
		before.$client.close();

		process.env.MIGRATIONS_DIR = all;
		const db = openDatabase(path);
		const confirmedAt = (id: string) =>
			db.select({ at: users.emailConfirmedAt }).from(users).where(eq(users.id, id)).get()!.at;
		expect(confirmedAt('u')).toEqual(new Date(createdAt));
		// Afterwards the column has no default of its own: a registration through a shared link
		// leaves it empty.
		db.$client
			.prepare(
				"insert into users (id, email, name, password_hash) values ('v', 'v@example.org', 'V', 'x')"
			)
			.run();
		expect(confirmedAt('v')).toBeNull();
		db.$client.close();
	});
});
