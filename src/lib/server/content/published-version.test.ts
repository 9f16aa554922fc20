import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../../../tests/support/unit/test-database';
import { getItem } from '.';
import { onContentPublished, reloadContent } from './live';
import { followPublishedVersion, recordPublishedVersion } from './published-version';
import { liveContent, publishContent, type ContentVersion } from './store';

// Two server processes on one CONTENT_DIR and one database: this process plays the one that did
// not publish. It has `before` live while the folder and the record say `after`.

const fixture = resolve(import.meta.dirname, '../../../../tests/fixtures/content/valid');
const LESSON = 'courses/01-grundlagen/02-vertiefung/zusammenfassung.md';
const LESSON_ID = 'grundlagen/praxis/rueckblick';
let dir = '';

const writeLesson = (text: string) => writeFileSync(join(dir, LESSON), text);

function liveVersion(): ContentVersion {
	const result = reloadContent({ announce: false });
	if (!result.ok) throw new Error('fixture content failed the check');
	return result.version;
}

beforeAll(() => {
	useFreshDatabase();
	dir = mkdtempSync(join(tmpdir(), 'lernplattform-inhalt-'));
	cpSync(join(fixture, 'courses'), join(dir, 'courses'), { recursive: true });
	process.env.CONTENT_DIR = dir;
});

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	process.env.CONTENT_DIR = 'content';
});

describe('versions published by another process', () => {
	it('are taken over at the next check, once', () => {
		const before = liveVersion();
		writeLesson('---\nid: rueckblick\ntitle: Anderswo veröffentlicht\n---\n\n## Neu\n');
		const after = liveVersion();
		recordPublishedVersion(after.id);
		publishContent(before);

		expect(followPublishedVersion()).toBe('reloaded');
		expect(liveContent()?.id).toBe(after.id);
		expect(getItem(LESSON_ID)?.title).toBe('Anderswo veröffentlicht');
		expect(followPublishedVersion()).toBe('unchanged');
	});

	it('are not read again when this process published them itself', () => {
		writeLesson('---\nid: rueckblick\ntitle: Hier veröffentlicht\n---\n\n## Hier\n');
		recordPublishedVersion(liveVersion().id);
		expect(followPublishedVersion()).toBe('unchanged');
		expect(getItem(LESSON_ID)?.title).toBe('Hier veröffentlicht');
	});

	it('keep the live version when the folder fails the check, and are not retried every second', () => {
		const live = liveContent();
		writeLesson('---\nid: rueckblick\ntitle: Kaputt\n---\n\n<script>alert(1)</script>\n');
		recordPublishedVersion('eine-andere-fassung');
		expect(followPublishedVersion()).toBe('rejected');
		expect(liveContent()).toBe(live);
		expect(followPublishedVersion()).toBe('unchanged');
	});
});

describe('announcing a publish', () => {
	it('tells the listeners of a new version only, and not of one taken over from elsewhere', () => {
		const heard: string[] = [];
		const stop = onContentPublished((version) => heard.push(version.id));
		try {
			writeLesson('---\nid: rueckblick\ntitle: Eins\n---\n\n## Eins\n');
			const first = reloadContent();
			expect(reloadContent().ok).toBe(true);
			writeLesson('---\nid: rueckblick\ntitle: Zwei\n---\n\n## Zwei\n');
			expect(reloadContent({ announce: false }).ok).toBe(true);
			expect(heard).toEqual([first.ok ? first.version.id : 'rejected']);
		} finally {
			stop();
		}
		writeLesson('---\nid: rueckblick\ntitle: Drei\n---\n\n## Drei\n');
		expect(reloadContent().ok).toBe(true);
		expect(heard).toHaveLength(1);
	});
});
