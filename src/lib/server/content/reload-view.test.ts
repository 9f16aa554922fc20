import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '$lib/server/db';
import { useFreshDatabase } from '$test/unit/test-database';
import { contentStatus, reloadContentAs } from './reload-view';

const fixture = resolve(import.meta.dirname, '../../../../tests/fixtures/content/valid');
const LESSON = 'courses/01-grundlagen/02-vertiefung/zusammenfassung.md';
const admin = { id: 'admin-1', email: 'admin@example.org', name: 'Admin', role: 'admin' as const };
const db = useFreshDatabase();
let dir = '';

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'lernplattform-neuladen-'));
	cpSync(join(fixture, 'courses'), join(dir, 'courses'), { recursive: true });
	process.env.CONTENT_DIR = dir;
});

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	process.env.CONTENT_DIR = 'content';
});

const auditRows = () => db.select().from(schema.auditLog).all();

describe('reloading as an admin', () => {
	it('publishes the folder, records it in the audit log, and reports an unchanged folder as such', () => {
		const first = reloadContentAs(admin, '203.0.113.5');
		expect(first).toMatchObject({ ok: true, changed: true });
		expect(contentStatus()).toMatchObject({
			folder: dir,
			live: { courses: 2, modules: 3, items: 6, warnings: [] },
			rejected: null
		});
		expect(auditRows()).toMatchObject([
			{ actorId: 'admin-1', action: 'content.reloaded', objectType: 'content', ip: '203.0.113.5' }
		]);
		expect(reloadContentAs(admin, null)).toMatchObject({ ok: true, changed: false });
		expect(auditRows()).toHaveLength(1);
	});

	it('refuses a broken folder, keeps the live version and lists the errors with file and line', () => {
		const live = contentStatus().live;
		writeFileSync(join(dir, LESSON), '---\nid: rueckblick\ntitle: R\n---\n\n<iframe src="https://example.org"></iframe>\n');
		expect(reloadContentAs(admin, null)).toEqual({ ok: false, errorCount: 1 });
		const status = contentStatus();
		expect(status.live).toEqual(live);
		expect(status.rejected?.errors).toEqual([
			{ file: LESSON, line: 6, message: '<iframe> ist in Inhalten nicht erlaubt (bettet fremde Seiten ein).' }
		]);
		expect(auditRows()).toHaveLength(1);
	});
});
