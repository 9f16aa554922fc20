import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import {
	closeStudioFolder,
	COURSE,
	MODULE,
	openStudioFolder,
	studioPerson,
	WELCOME
} from '$test/unit/studio-folder';
import { openCourse } from '.';
import {
	discardDraft,
	discardDrafts,
	draftVersion,
	listDrafts,
	saveDraft,
	settlePublishedDrafts,
	versionOf
} from './drafts';
import { findConflicts } from './publish';
import { deletePage, moveItem } from './structure';
import { liveFile } from './workspace';

// Two tabs (or windows) of one author on the same draft: every save names the version it started
// from, and one based on an older version is refused instead of overwriting newer text.

let dir = '';
let author: SessionUser;

const text = (words: string) => Buffer.from(`---\ntitle: "Willkommen"\n---\n\n${words}\n`);
const draftText = () => listDrafts(author.id, COURSE)[0]?.content?.toString('utf8') ?? null;
const save = (content: Buffer | null, basedOn: string, path = WELCOME) =>
	saveDraft(author.id, COURSE, path, content, liveFile(path), basedOn);

beforeAll(async () => {
	dir = await openStudioFolder();
	author = await studioPerson('Autorin', 'admin');
});

beforeEach(() => discardDrafts(author.id, COURSE));

afterAll(() => closeStudioFolder(dir));

describe('saving a draft from the version it started from', () => {
	it('accepts the first save of a new draft, based on the live file', () => {
		const live = liveFile(WELCOME);
		expect(draftVersion(author.id, WELCOME, live)).toBe(versionOf(live));

		const saved = save(text('Aus Tab A.'), versionOf(live));

		expect(saved).toEqual({ ok: true, version: versionOf(text('Aus Tab A.')) });
		expect(draftText()).toContain('Aus Tab A.');
	});

	it('accepts a save based on the current draft, so one tab saves again and again', () => {
		const first = save(text('Eins.'), versionOf(liveFile(WELCOME)));
		if (!first.ok) throw new Error('refused');
		expect(save(text('Eins, zwei.'), first.version).ok).toBe(true);
		expect(draftText()).toContain('Eins, zwei.');
	});

	it('refuses a save based on an older version and keeps the newer draft', () => {
		const opened = versionOf(liveFile(WELCOME));
		expect(save(text('Aus Tab A.'), opened).ok).toBe(true);

		const refused = save(text('Aus Tab B.'), opened);

		expect(refused).toEqual({
			ok: false,
			version: versionOf(text('Aus Tab A.')),
			content: text('Aus Tab A.')
		});
		expect(draftText()).toContain('Aus Tab A.');
	});

	it('overwrites only after the author names the newer version they saw', () => {
		const opened = versionOf(liveFile(WELCOME));
		save(text('Aus Tab A.'), opened);
		const refused = save(text('Aus Tab B.'), opened);
		if (refused.ok) throw new Error('accepted');

		expect(save(text('Aus Tab B.'), refused.version).ok).toBe(true);
		expect(draftText()).toContain('Aus Tab B.');
	});

	it('refuses a save from a tab opened before the draft was dropped (saved back to the live text)', () => {
		const opened = versionOf(liveFile(WELCOME));
		const changed = save(text('Geändert.'), opened);
		if (!changed.ok) throw new Error('refused');
		expect(save(liveFile(WELCOME), changed.version).ok).toBe(true);
		expect(listDrafts(author.id, COURSE)).toEqual([]);

		expect(save(text('Aus dem alten Tab.'), changed.version).ok).toBe(false);
	});

	it('treats a file that exists nowhere yet as the version "absent", once', () => {
		const path = `courses/${COURSE}/${MODULE}/05-neu.md`;
		expect(save(text('Neu.'), 'absent', path).ok).toBe(true);
		expect(save(text('Auch neu.'), 'absent', path).ok).toBe(false);
	});
});

describe('other writers of drafts', () => {
	it('keeps a draft saved again while its previous text was being published', () => {
		const published = save(text('Veröffentlicht.'), versionOf(liveFile(WELCOME)));
		if (!published.ok) throw new Error('refused');
		const snapshot = listDrafts(author.id, COURSE);
		save(text('Weitergeschrieben.'), published.version);

		settlePublishedDrafts(author.id, snapshot);

		expect(draftText()).toContain('Weitergeschrieben.');
		// Based on what went live (here: the snapshot), not on the older live file.
		expect(listDrafts(author.id, COURSE)[0]!.baseHash).toBe(versionOf(text('Veröffentlicht.')));
	});

	it('discards a draft on the publish page only in the version shown there', () => {
		const shown = save(text('Gezeigt.'), versionOf(liveFile(WELCOME)));
		if (!shown.ok) throw new Error('refused');
		save(text('Inzwischen weiter.'), shown.version);

		expect(discardDraft(author.id, WELCOME, shown.version)).toBe(false);
		expect(draftText()).toContain('Inzwischen weiter.');
		expect(discardDraft(author.id, WELCOME, versionOf(text('Inzwischen weiter.')))).toBe(true);
		expect(findConflicts(author.id, COURSE)).toEqual([]);
	});

	it('moves or deletes nothing when a page changed after the course was read', () => {
		const course = openCourse(author, COURSE);
		if (typeof course === 'string') throw new Error(course);
		save(text('Im anderen Tab gespeichert.'), versionOf(liveFile(WELCOME)));

		expect(moveItem(author.id, course.ws, WELCOME, 1)).toEqual({ ok: false, problem: 'changed' });
		expect(deletePage(author.id, course.ws, WELCOME)).toEqual({ ok: false, problem: 'changed' });
		expect(listDrafts(author.id, COURSE).map((draft) => draft.path)).toEqual([WELCOME]);
		expect(draftText()).toContain('Im anderen Tab gespeichert.');
	});
});
