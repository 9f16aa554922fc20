import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '.';
import { users } from './schema';
import { migrationsDir } from '../config/paths';

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

const quizVersion = (title: string) =>
	JSON.stringify({ id: 'kurs/modul/quiz', title, questions: [], contentHash: title });

describe('migration 0021: quiz snapshots move out of the attempts', () => {
	const saved = process.env.MIGRATIONS_DIR;
	afterEach(() => {
		if (saved === undefined) delete process.env.MIGRATIONS_DIR;
		else process.env.MIGRATIONS_DIR = saved;
	});

	it('keeps every attempt with the quiz it started on, each version stored once', () => {
		const path = join(mkdtempSync(join(tmpdir(), 'lernplattform-test-')), 'test.db');
		const all = migrationsDir();
		process.env.MIGRATIONS_DIR = migrationsUpTo(20);
		const before = openDatabase(path);
		before
			.insert(users)
			.values({ id: 'u', email: 'u@example.org', name: 'U', passwordHash: 'x', role: 'learner' })
			.run();
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
});
