import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '.';
import { migrationsDir } from '../config/paths';
import { applyMigrations } from './apply-migrations';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'lernplattform-test-')), 'test.db');

/**
 * Another process that migrates the database the way a server starting next to this one does:
 * it creates the bookkeeping table, takes the write lock, says so, and commits the migrations a
 * moment later.
 */
const OTHER_PROCESS = `
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
const [path, folder] = process.argv.slice(1);
const db = new Database(path);
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
for (const migration of readMigrationFiles({ migrationsFolder: folder })) {
	for (const statement of migration.sql) db.prepare(statement).run();
	db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
		.run(migration.hash, migration.folderMillis);
}
db.exec('COMMIT');
db.close();
`;

function migrateInOtherProcess(path: string) {
	const child = spawn(
		process.execPath,
		['--input-type=module', '-e', OTHER_PROCESS, path, migrationsDir()],
		{ cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] }
	);
	const locked = new Promise<void>((resolve, reject) => {
		child.stdout.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('locked')) resolve();
		});
		child.once('exit', (code) => reject(new Error(`other process exited (${code})`)));
	});
	const done = new Promise<number | null>((resolve) => child.once('exit', resolve));
	return { locked, done };
}

const appliedCount = (client: Database.Database) =>
	(client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;

describe('applying migrations', () => {
	it('waits for a process that is migrating the same fresh database and applies nothing twice', async () => {
		const path = freshPath();
		const other = migrateInOtherProcess(path);
		await other.locked;
		const db = openDatabase(path);
		expect(await other.done).toBe(0);
		expect(appliedCount(db.$client)).toBe(
			readMigrationFiles({ migrationsFolder: migrationsDir() }).length
		);
		db.$client.close();
	});

	it("takes over a database that drizzle's own runner migrated", () => {
		const client = new Database(freshPath());
		migrate(drizzle(client), { migrationsFolder: migrationsDir() });
		const before = appliedCount(client);
		expect(applyMigrations(client, migrationsDir())).toBe(0);
		expect(appliedCount(client)).toBe(before);
		client.close();
	});

	it('applies every migration to a fresh database once', () => {
		const client = new Database(freshPath());
		const all = readMigrationFiles({ migrationsFolder: migrationsDir() }).length;
		expect(applyMigrations(client, migrationsDir())).toBe(all);
		expect(applyMigrations(client, migrationsDir())).toBe(0);
		expect(appliedCount(client)).toBe(all);
		client.close();
	});
});
