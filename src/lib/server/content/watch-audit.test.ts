import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { getDb, schema } from '../db';
import { useFreshDatabase } from '$test/unit/test-database';
import { reloadContent, watchContentDir } from './live';

const fixture = resolve(import.meta.dirname, '../../../../tests/fixtures/content/valid');
const LESSON = 'courses/01-grundlagen/02-vertiefung/zusammenfassung.md';
let dir = '';

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	process.env.CONTENT_DIR = 'content';
});

it('audits a version the folder watcher publishes (no admin clicked), as the platform', async () => {
	useFreshDatabase();
	dir = mkdtempSync(join(tmpdir(), 'lernplattform-watch-'));
	cpSync(join(fixture, 'courses'), join(dir, 'courses'), { recursive: true });
	process.env.CONTENT_DIR = dir;
	expect(reloadContent().ok).toBe(true);
	const stop = watchContentDir();
	try {
		writeFileSync(join(dir, LESSON), '---\nid: rueckblick\ntitle: Per Git geändert\n---\n\nNeu.\n');
		const deadline = Date.now() + 15_000;
		let entries: (typeof schema.auditLog.$inferSelect)[] = [];
		while (Date.now() < deadline && entries.length === 0) {
			await new Promise((done) => setTimeout(done, 200));
			entries = getDb().select().from(schema.auditLog).all();
		}
		expect(entries).toEqual([
			expect.objectContaining({ action: 'content.published', actorId: null })
		]);
	} finally {
		stop();
	}
});
