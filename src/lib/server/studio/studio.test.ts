import git from 'isomorphic-git';
import fs, { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import { getItem, renderLesson } from '../content';
import {
	closeStudioFolder,
	COURSE,
	MODULE,
	openStudioFolder,
	STUDIO_FIXTURE,
	studioPerson,
	WELCOME
} from '$test/unit/studio-folder';
import { canCreateCourses, courseDirs, openCourse, type OpenCourse } from '.';
import { recordCompletion } from '../progress';
import { deletionPreview } from './deletion';
import { discardDrafts, draftVersion, listDrafts, rebaseDraft, saveDraft } from './drafts';
import { checkUnsaved, editorState } from './editor';
import { findConflicts, publishChanges, publishDrafts, type PublishOutcome } from './publish';
import { folderLease } from './repository';
import { withLease } from '../db/lease';
import { grantAuthoring } from './rights';
import { createCourse, createItem, deletePage, moveItem } from './structure';
import { uploadMedia } from './media';
import { commitView, courseHistory, restoreVersion } from './versions';
import { liveFile } from './workspace';

// The studio end to end below the HTTP layer: rights, drafts, the checker, publishing as a git
// commit that goes live without a restart, history, restore and the two-author conflict.

let dir = '';
let author: SessionUser;
let admin: SessionUser;
let stranger: SessionUser;
let learner: SessionUser;

const open = (user: SessionUser, courseDir = COURSE): OpenCourse => {
	const course = openCourse(user, courseDir);
	if (typeof course === 'string') throw new Error(course);
	return course;
};

beforeAll(async () => {
	dir = await openStudioFolder();
	author = await studioPerson('Autorin', 'trainer');
	admin = await studioPerson('Admina', 'admin');
	stranger = await studioPerson('Fremd', 'trainer');
	learner = await studioPerson('Lernende', 'learner');
	grantAuthoring(author.id, 'grundlagen', admin.id);
});

afterAll(() => closeStudioFolder(dir));

describe('authoring rights', () => {
	it('opens a course only for admins and trainers granted it', () => {
		expect(typeof openCourse(author, COURSE)).toBe('object');
		expect(typeof openCourse(admin, COURSE)).toBe('object');
		expect(openCourse(author, '02-zweiter-kurs')).toBe('forbidden');
		expect(openCourse(stranger, COURSE)).toBe('forbidden');
		expect(openCourse(learner, COURSE)).toBe('forbidden');
		expect(openCourse(admin, '99-gibt-es-nicht')).toBe('missing');
	});
});

describe('drafts and publishing', () => {
	it('keeps a new lesson a draft until it is published as a commit, then serves it at once', async () => {
		const created = createItem(author.id, open(author).ws, MODULE, 'lesson', 'Fristen im Blick');
		expect(created).toEqual({
			ok: true,
			path: `courses/${COURSE}/${MODULE}/03-fristen-im-blick.md`
		});
		expect(getItem('grundlagen/ankommen/fristen-im-blick')).toBeUndefined();
		expect(
			open(author).tree.modules[0]!.items.map((item) => [item.slug, item.status])
		).toContainEqual(['fristen-im-blick', 'draft']);
		// Nobody else sees another author's draft.
		expect(
			open(admin).tree.modules[0]!.items.some((item) => item.slug === 'fristen-im-blick')
		).toBe(false);

		const outcome = await publishDrafts(author, COURSE, 'Neue Lektion zu Fristen');
		expect(outcome.ok).toBe(true);
		expect(getItem('grundlagen/ankommen/fristen-im-blick')?.title).toBe('Fristen im Blick');
		expect(listDrafts(author.id, COURSE)).toEqual([]);
		const [latest] = (await courseHistory(COURSE)).rows;
		expect(latest).toMatchObject({ message: 'Neue Lektion zu Fristen', authorName: 'Autorin' });
		expect(latest!.authorEmail).toBe('autorin@beispiel.example');
	});

	it('shows checker errors on the author’s lines and publishes nothing while they last', async () => {
		const broken =
			'---\ntitle: Willkommen\nminutes: 10\n---\n\n## Start\n\n<script>alert(1)</script>\n';
		const unsaved = checkUnsaved(open(author), WELCOME, broken);
		const problem = unsaved.problems.find((candidate) => !candidate.warning);
		expect(problem).toMatchObject({ line: 8, bodyLine: 3 });
		expect(problem!.message).toMatch(/script/i);

		saveDraft(
			author.id,
			COURSE,
			WELCOME,
			Buffer.from(broken),
			liveFile(WELCOME),
			draftVersion(author.id, WELCOME, liveFile(WELCOME))
		);
		const before = (await courseHistory(COURSE)).rows.length;
		const outcome = await publishDrafts(author, COURSE, 'Kaputt');
		expect(outcome).toMatchObject({ ok: false, reason: 'errors' });
		expect((await courseHistory(COURSE)).rows).toHaveLength(before);
		expect(renderLesson('grundlagen/ankommen/willkommen')?.html).not.toContain('alert');
		expect(editorState(open(author), WELCOME, 'lesson').problems.length).toBeGreaterThan(0);
		saveDraft(
			author.id,
			COURSE,
			WELCOME,
			liveFile(WELCOME),
			liveFile(WELCOME),
			draftVersion(author.id, WELCOME, liveFile(WELCOME))
		);
		expect(listDrafts(author.id, COURSE)).toEqual([]);
	});

	it('asks which version to keep when someone else published the same file meanwhile', async () => {
		const live = liveFile(WELCOME)!.toString('utf8');
		saveDraft(
			author.id,
			COURSE,
			WELCOME,
			Buffer.from(live.replace('## Worum es geht', '## Worum es hier geht')),
			liveFile(WELCOME),
			draftVersion(author.id, WELCOME, liveFile(WELCOME))
		);
		saveDraft(
			admin.id,
			COURSE,
			WELCOME,
			Buffer.from(live.replace('## Worum es geht', '## Das Thema')),
			liveFile(WELCOME),
			draftVersion(admin.id, WELCOME, liveFile(WELCOME))
		);
		expect((await publishDrafts(admin, COURSE, 'Überschrift geändert')).ok).toBe(true);

		const outcome = await publishDrafts(author, COURSE, 'Meine Überschrift');
		expect(outcome).toMatchObject({ ok: false, reason: 'conflicts' });
		const [conflict] = findConflicts(author.id, COURSE);
		expect(conflict!.live).toContain('## Das Thema');
		expect(conflict!.mine).toContain('## Worum es hier geht');
		expect(renderLesson('grundlagen/ankommen/willkommen')?.html).toContain('Das Thema');

		rebaseDraft(author.id, WELCOME, liveFile(WELCOME));
		expect((await publishDrafts(author, COURSE, 'Meine Überschrift')).ok).toBe(true);
		expect(renderLesson('grundlagen/ankommen/willkommen')?.html).toContain('Worum es hier geht');
	});

	it('checks a publish against what another process wrote while it waited for the folder', async () => {
		const lesson = '---\ntitle: Doppelt\nminutes: 5\n---\n\n## Doppelt\n';
		const theirs = `courses/${COURSE}/${MODULE}/07-doppelt.md`;
		const mine = `courses/${COURSE}/${MODULE}/08-doppelt.md`;
		let outcome: Promise<PublishOutcome> | undefined;
		// Another server process has the folder: it adds a lesson with the same ID as ours.
		await withLease(folderLease(dir), async () => {
			outcome = publishChanges(author, [{ path: mine, content: Buffer.from(lesson) }], 'Meine');
			await new Promise((resolve) => setTimeout(resolve, 100));
			writeFileSync(join(dir, theirs), lesson);
		});

		expect(await outcome).toMatchObject({ ok: false, reason: 'errors' });
		expect(fs.existsSync(join(dir, mine))).toBe(false);
		rmSync(join(dir, theirs));
	});

	it('restores an older version as a new commit and lists commits made outside the app', async () => {
		const original = readFileSync(join(STUDIO_FIXTURE, WELCOME), 'utf8');
		const history = (await courseHistory(COURSE, WELCOME)).rows;
		const first = history.at(-1)!;
		expect(first.message).toBe('Ausgangsstand der Kursinhalte');
		const outcome = await restoreVersion(admin, COURSE, first.oid, WELCOME, 'Ursprung zurück');
		expect(outcome?.ok).toBe(true);
		expect(liveFile(WELCOME)!.toString('utf8')).toBe(original);
		expect((await courseHistory(COURSE, WELCOME)).rows).toHaveLength(history.length + 1);

		writeFileSync(join(dir, WELCOME), `${original}\nVon Hand ergänzt.\n`);
		await git.add({ fs, dir, filepath: WELCOME });
		await git.commit({
			fs,
			dir,
			message: 'Im Editor geändert',
			author: { name: 'Editor', email: 'e@beispiel.example' }
		});
		expect((await courseHistory(COURSE, WELCOME)).rows[0]).toMatchObject({
			message: 'Im Editor geändert',
			authorName: 'Editor'
		});
	});

	it('pages the history by 50, and the oldest version stays reachable', async () => {
		const original = readFileSync(join(dir, WELCOME), 'utf8');
		const author = { name: 'Fleißig', email: 'f@beispiel.example' };
		for (let round = 1; round <= 105; round += 1) {
			writeFileSync(join(dir, WELCOME), `${original}\nRunde ${round}\n`);
			await git.add({ fs, dir, filepath: WELCOME });
			await git.commit({ fs, dir, message: `Runde ${round}`, author });
		}

		const first = await courseHistory(COURSE, WELCOME);
		expect(first.rows).toHaveLength(50);
		expect(first.rows[0]!.message).toBe('Runde 105');
		expect(first.pages).toBeGreaterThanOrEqual(3);
		const last = await courseHistory(COURSE, WELCOME, first.pages);
		const oldest = last.rows.at(-1)!;
		expect(oldest.message).toBe('Ausgangsstand der Kursinhalte');
		expect(await courseHistory(COURSE, WELCOME, 999)).toEqual(last);

		const view = await commitView(COURSE, oldest.oid);
		expect(view).toMatchObject({ entry: { message: 'Ausgangsstand der Kursinhalte' } });
		const outcome = await restoreVersion(admin, COURSE, oldest.oid, WELCOME, 'Ganz zurück');
		expect(outcome?.ok).toBe(true);
		expect(liveFile(WELCOME)!.toString('utf8')).toBe(
			readFileSync(join(STUDIO_FIXTURE, WELCOME), 'utf8')
		);
	});

	it('refuses to restore a path outside the course or a commit that never touched it', async () => {
		const [latest] = (await courseHistory(COURSE)).rows;
		expect(
			await restoreVersion(admin, COURSE, latest!.oid, 'courses/02-zweiter-kurs/course.md', 'x')
		).toBeNull();
		expect(await restoreVersion(admin, COURSE, latest!.oid, '../../etc/passwd', 'x')).toBeNull();
	});
});

describe('media', () => {
	const upload = (name: string, bytes: Uint8Array, alt = '') => {
		const form = new FormData();
		form.set('modul', MODULE);
		form.set('alt', alt);
		form.set('datei', new File([Buffer.from(bytes)], name));
		return uploadMedia(
			admin.id,
			open(admin).ws,
			new Request('http://x/', { method: 'POST', body: form })
		);
	};
	const png = Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
		'base64'
	);

	it('takes an image with alt text into the module folder as a draft and says how to use it', async () => {
		expect(await upload('Stadtplan Mitte.png', png, 'Stadtplan von Berlin-Mitte')).toEqual({
			ok: true,
			relative: 'bilder/stadtplan-mitte.png',
			markdown: '![Stadtplan von Berlin-Mitte](bilder/stadtplan-mitte.png)'
		});
		const path = `courses/${COURSE}/${MODULE}/bilder/stadtplan-mitte.png`;
		expect(listDrafts(admin.id, COURSE).map((draft) => draft.path)).toContain(path);
		expect(liveFile(path)).toBeNull();
	});

	it('refuses an image without alt text and a file whose content does not match its name', async () => {
		const withoutAlt = await upload('plan.png', png);
		expect(withoutAlt.ok === false && withoutAlt.errors.alt).toMatch(/Alternativtext/);
		const fake = await upload('bericht.pdf', new TextEncoder().encode('<script>alert(1)</script>'));
		expect(fake.ok === false && fake.errors.datei).toMatch(/passt nicht zur Dateiendung/);
		const svg = await upload('bild.svg', new TextEncoder().encode('<svg onload="alert(1)"/>'));
		expect(svg.ok === false && svg.errors.datei).toMatch(/nicht erlaubt/);
	});
});

describe('new courses and what a deletion touches', () => {
	it('lets only people with the right for every course create one, as a draft of their own', () => {
		expect(canCreateCourses(author)).toBe(false);
		expect(canCreateCourses(admin)).toBe(true);
		const created = createCourse(admin.id, 'Ämter & Wege', courseDirs(admin.id));
		expect(created).toEqual({ ok: true, path: 'courses/03-aemter-wege/course.md' });
		expect(courseDirs(admin.id)).toContain('03-aemter-wege');
		expect(courseDirs(author.id)).not.toContain('03-aemter-wege');
		expect(open(admin, '03-aemter-wege').tree.title).toBe('Ämter & Wege');
		expect(createCourse(admin.id, 'Ämter & Wege!', courseDirs(admin.id))).toMatchObject({
			ok: false
		});
		discardDrafts(admin.id, '03-aemter-wege');
	});

	it('says how many learners, attempts and submissions a page or module has before deleting it', () => {
		recordCompletion(learner.id, 'grundlagen/ankommen/willkommen', 'lesson_marked');
		const course = open(admin);
		expect(deletionPreview(course, WELCOME)).toMatchObject({
			kind: 'item',
			usage: { learners: 1, attempts: 0, submissions: 0 }
		});
		const module = deletionPreview(course, `courses/${COURSE}/${MODULE}/module.md`);
		expect(module).toMatchObject({ kind: 'module', usage: { learners: 1 } });
		expect(module!.pages).toBe(course.tree.modules[0]!.items.length);
		expect(deletionPreview(course, 'courses/01-grundlagen/gibt-es-nicht.md')).toBeNull();
	});
});

describe('structure', () => {
	it('reorders by trading number prefixes, so IDs stay and nothing is live before publishing', async () => {
		const ws = open(admin).ws;
		const moved = moveItem(admin.id, ws, WELCOME, 1);
		expect(moved).toEqual({ ok: true, path: `courses/${COURSE}/${MODULE}/02-willkommen.md` });
		const items = open(admin).tree.modules[0]!.items.map((item) => item.fileName);
		expect(items.slice(0, 2)).toEqual(['01-wissenscheck.md', '02-willkommen.md']);
		expect(
			moveItem(admin.id, open(admin).ws, `courses/${COURSE}/${MODULE}/01-wissenscheck.md`, -1)
		).toEqual({
			ok: false,
			problem: 'at_edge'
		});
		expect((await publishDrafts(admin, COURSE, 'Reihenfolge')).ok).toBe(true);
		expect(getItem('grundlagen/ankommen/willkommen')).toBeDefined();
	});

	it('deletes a page as a draft and keeps the live one until publishing', async () => {
		const path = `courses/${COURSE}/${MODULE}/03-fristen-im-blick.md`;
		expect(deletePage(admin.id, open(admin).ws, path)).toEqual({ ok: true, path });
		expect(getItem('grundlagen/ankommen/fristen-im-blick')).toBeDefined();
		expect((await publishDrafts(admin, COURSE, 'Lektion entfernt')).ok).toBe(true);
		expect(getItem('grundlagen/ankommen/fristen-im-blick')).toBeUndefined();
	});
});
