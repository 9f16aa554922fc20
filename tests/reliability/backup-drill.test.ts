import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { Client } from './support/client';
import { fingerprint, integrityCheck, openDb } from './support/database';

const run = promisify(execFile);
let app: AppServer;

beforeAll(async () => {
	app = await startApp({ fixtureCourses: true, port: 4501 });
});
afterAll(async () => {
	await app?.stop();
});

describe('backup and restore drill', () => {
	it('copies a consistent database while invitations are being written, and a fresh instance runs on the copy', async () => {
		const admin = new Client(app.url);
		await admin.login('admin@example.org');
		let writing = true;
		let created = 0;
		const writer = (async () => {
			while (writing) {
				const response = await admin.post('/einladungen?/create', {
					role: 'learner',
					usage: 'single',
					validDays: '14'
				});
				expect(response.status).toBe(200);
				created += 1;
			}
		})();
		await new Promise((resolve) => setTimeout(resolve, 500));
		const createdBeforeBackup = created;
		const copy = join(app.dataDir, 'backup', 'copy.db');
		const { stdout } = await run(
			process.execPath,
			['node_modules/.bin/tsx', 'scripts/db-backup.ts', copy],
			{
				env: { ...process.env, DATABASE_PATH: app.databasePath }
			}
		);
		await new Promise((resolve) => setTimeout(resolve, 300));
		writing = false;
		await writer;

		expect(stdout).toContain('integrity_check ok');
		expect(integrityCheck(copy)).toBe('ok');
		const backup = openDb(copy, true);
		const source = openDb(app.databasePath, true);
		const backupInvites = backup.prepare('select * from invites order by id').all();
		const sourceIds = new Set(
			(source.prepare('select id from invites').all() as { id: string }[]).map((row) => row.id)
		);
		backup.close();
		source.close();
		// The copy holds every invite created before it started, and only rows the source has.
		expect(backupInvites.length).toBeGreaterThanOrEqual(createdBeforeBackup);
		expect(backupInvites.length).toBeLessThanOrEqual(created);
		for (const row of backupInvites as { id: string }[]) expect(sourceIds.has(row.id)).toBe(true);

		// Restore: a fresh instance whose database is the copy serves the same accounts and data.
		const before = fingerprint(copy);
		const restoredDir = join(app.dataDir, 'backup');
		const { renameSync } = await import('node:fs');
		renameSync(copy, join(restoredDir, 'bench.db'));
		// Without the key folder the copy's certificates could no longer be checked: no start.
		await expect(
			startApp({ fixtureCourses: true, port: 4502, dataDir: restoredDir })
		).rejects.toThrow('server exited (1)');
		cpSync(join(app.dataDir, 'keys'), join(restoredDir, 'keys'), { recursive: true });
		const restored = await startApp({ fixtureCourses: true, port: 4502, dataDir: restoredDir });
		try {
			const trainer = new Client(restored.url);
			await trainer.login('admin@example.org');
			const page = await trainer.get('/einladungen');
			expect(page.status).toBe(200);
			const after = fingerprint(restored.databasePath, ['sessions', 'throttle_events']);
			for (const [table, value] of Object.entries(after)) {
				if (table === 'invites') expect(value).toBe(before[table]);
				// A login records users.last_active_at (retention clock): same accounts, one changed cell.
				if (table === 'users') expect(value.split(':')[0]).toBe(before[table]!.split(':')[0]);
			}
		} finally {
			await restored.stop();
		}
	});
});
