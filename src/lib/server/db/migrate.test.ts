import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '.';

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
});
