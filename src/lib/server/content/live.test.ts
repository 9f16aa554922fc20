import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCourse, getItem, getTrainerMaterial, renderLesson, renderTrainerMaterial } from '.';
import { currentContent, lastRejectedReload, reloadContent } from './live';
import { seedContentDir } from './seed';

// CONTENT_DIR as an operator uses it: files change on disk, an admin reloads.

const fixture = resolve(import.meta.dirname, '../../../../tests/fixtures/content/valid');
const LESSON = 'courses/01-grundlagen/02-vertiefung/zusammenfassung.md';
const LESSON_ID = 'grundlagen/praxis/rueckblick';
let dir = '';

const write = (path: string, text: string) => writeFileSync(join(dir, path), text);

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'lernplattform-inhalt-'));
	cpSync(join(fixture, 'courses'), join(dir, 'courses'), { recursive: true });
	process.env.CONTENT_DIR = dir;
	// Test files start with the shipped courses live; this one works on its own folder.
	expect(reloadContent().ok).toBe(true);
});

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	process.env.CONTENT_DIR = 'content';
});

describe('reloading CONTENT_DIR', () => {
	it('picks up a changed file without a restart', () => {
		expect(renderLesson(LESSON_ID)?.html).toContain('Ohne Nummer im Dateinamen');
		const before = currentContent();
		write(LESSON, '---\nid: rueckblick\ntitle: Neuer Rückblick\n---\n\n## Neu geschrieben\n');

		// Nothing changes until the reload.
		expect(getItem(LESSON_ID)?.title).toBe('Rückblick');
		const result = reloadContent();
		expect(result.ok).toBe(true);
		expect(result.ok && result.previous).toBe(before);
		expect(getItem(LESSON_ID)?.title).toBe('Neuer Rückblick');
		expect(renderLesson(LESSON_ID)?.html).toBe('<h2 id="neu-geschrieben">Neu geschrieben</h2>');
	});

	it('keeps serving the live version when the new one fails the check, and names file and line', () => {
		const live = currentContent();
		write(LESSON, '---\nid: rueckblick\ntitle: Kaputt\n---\n\n## A\n\n<script>alert(1)</script>\n');
		const result = reloadContent();
		expect(result.ok).toBe(false);
		expect(currentContent()).toBe(live);
		expect(getItem(LESSON_ID)?.title).toBe('Neuer Rückblick');
		expect(renderLesson(LESSON_ID)?.html).not.toContain('script');
		expect(lastRejectedReload()).toMatchObject({
			dir,
			errors: [{ file: LESSON, line: 8, message: '<script> ist in Inhalten nicht erlaubt (führt Code aus).' }]
		});

		// A removed course folder is an error too, not an empty catalogue.
		rmSync(join(dir, 'courses'), { recursive: true });
		expect(reloadContent().ok).toBe(false);
		expect(getCourse('grundlagen')).toBeDefined();
		expect(lastRejectedReload()?.errors[0]?.message).toMatch(/^Der Ordner „courses“ fehlt/);
	});

	it('forgets the rejected version once a reload succeeds', () => {
		cpSync(join(fixture, 'courses'), join(dir, 'courses'), { recursive: true });
		const result = reloadContent();
		expect(result.ok).toBe(true);
		expect(lastRejectedReload()).toBeNull();
		expect(getItem(LESSON_ID)?.title).toBe('Rückblick');
	});
});

describe('trainer material in CONTENT_DIR', () => {
	const GUIDE = 'courses/01-grundlagen/02-vertiefung/90-leitfaden.md';
	const GUIDE_ID = 'grundlagen/praxis/leitfaden';

	afterAll(() => {
		rmSync(join(dir, GUIDE), { force: true });
		expect(reloadContent().ok).toBe(true);
	});

	it('is rendered by the run-time renderer, and never as a lesson', () => {
		write(
			GUIDE,
			[
				'---',
				'type: trainer',
				'title: Leitfaden',
				'---',
				'',
				'## Ablauf',
				'',
				'| Zeit | Inhalt |',
				'|---|---|',
				'| 09:30 | Ankommen |',
				'',
				'<Hinweis typ="tipp">',
				'',
				'Zuerst die Beobachter\\*innen fragen.',
				'',
				'</Hinweis>',
				''
			].join('\n')
		);
		expect(reloadContent().ok).toBe(true);
		expect(getTrainerMaterial(GUIDE_ID)?.title).toBe('Leitfaden');
		const html = renderTrainerMaterial(GUIDE_ID)?.html ?? '';
		expect(html).toContain('<h2 id="ablauf">Ablauf</h2>');
		expect(html).toMatch(/<div class="table-scroll"[^>]*><table>/);
		expect(html).toContain('hinweis-tipp');
		expect(html).toContain('Beobachter*innen');
		// Learner-facing pages render through renderLesson: it has no body for trainer material.
		expect(getItem(GUIDE_ID)).toBeUndefined();
		expect(renderLesson(GUIDE_ID)).toBeUndefined();
		expect(renderTrainerMaterial(LESSON_ID)).toBeUndefined();
	});

	it('refuses a version whose trainer material could run code', () => {
		write(GUIDE, '---\ntype: trainer\ntitle: Leitfaden\n---\n\n## A\n\n<img src="x" onerror="alert(1)">\n');
		const result = reloadContent();
		expect(result.ok).toBe(false);
		expect(lastRejectedReload()?.errors[0]).toMatchObject({ file: GUIDE, line: 8 });
		expect(renderTrainerMaterial(GUIDE_ID)?.html).not.toContain('onerror');
	});
});

describe('a new CONTENT_DIR', () => {
	it('is filled from the shipped courses, and a folder with content is left alone', () => {
		const target = join(mkdtempSync(join(tmpdir(), 'lernplattform-saat-')), 'inhalt');
		try {
			expect(seedContentDir(target, fixture)).toBe(true);
			expect(readFileSync(join(target, LESSON), 'utf8')).toBe(readFileSync(join(fixture, LESSON), 'utf8'));
			write(LESSON, 'egal');
			writeFileSync(join(target, LESSON), 'eigene Fassung');
			expect(seedContentDir(target, fixture)).toBe(false);
			expect(readFileSync(join(target, LESSON), 'utf8')).toBe('eigene Fassung');
			// The shipped folder itself is never copied onto itself.
			expect(seedContentDir(fixture, fixture)).toBe(false);
			expect(existsSync(join(fixture, 'README.md'))).toBe(false);
			// Nothing of the staging copy is left beside the folder.
			expect(readdirSync(resolve(target, '..'))).toEqual(['inhalt']);
		} finally {
			rmSync(resolve(target, '..'), { recursive: true, force: true });
		}
	});
});
