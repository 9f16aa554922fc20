import git from 'isomorphic-git';
import fs, { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../auth/session';
import { getItem, getModule } from '../content';
import { withLease } from '../db/lease';
import {
	closeStudioFolder,
	COURSE,
	MODULE,
	openStudioFolder,
	studioPerson,
	WELCOME
} from '$test/unit/studio-folder';
import { discardDrafts, draftVersion, listDrafts, saveDraft } from './drafts';
import { publishDrafts } from './publish';
import { folderLease } from './repository';
import { commitView, courseHistory, reloadFolderAs, restoreVersion } from './versions';
import { liveFile } from './workspace';

// The content folder under the studio: a folder it cannot write, one another process keeps
// busy, and files changed in it without git, which an admin's reload loads and keeps as versions.

let dir = '';
let admin: SessionUser;

beforeAll(async () => {
	dir = await openStudioFolder();
	admin = await studioPerson('Admina', 'admin');
});

afterAll(() => closeStudioFolder(dir));

describe('a content folder that cannot be written', () => {
	it('refuses the publish with a reason, keeps the draft and leaves the live version', async () => {
		const broken = mkdtempSync(join(tmpdir(), 'lernplattform-studio-kaputt-'));
		cpSync(join(dir, 'courses'), join(broken, 'courses'), { recursive: true });
		writeFileSync(join(broken, '.git'), 'kein Repository');
		const live = liveFile(WELCOME)!;
		saveDraft(
			admin.id,
			COURSE,
			WELCOME,
			Buffer.from(live.toString('utf8').replace('Willkommen', 'Hallo')),
			live,
			draftVersion(admin.id, WELCOME, live)
		);
		process.env.CONTENT_DIR = broken;
		try {
			expect(await publishDrafts(admin, COURSE, 'Geht nicht')).toEqual({
				ok: false,
				reason: 'write_failed'
			});
		} finally {
			process.env.CONTENT_DIR = dir;
			rmSync(broken, { recursive: true, force: true });
		}
		expect(listDrafts(admin.id, COURSE)).toHaveLength(1);
		expect(getItem('grundlagen/ankommen/willkommen')?.title).toBe('Willkommen');
		discardDrafts(admin.id, COURSE);
	});

	it('says the folder is busy, not broken, when another process keeps it for over a minute', async () => {
		const live = liveFile(WELCOME)!;
		const changed = Buffer.from(live.toString('utf8').replace('Willkommen', 'Hallo'));
		saveDraft(admin.id, COURSE, WELCOME, changed, live, draftVersion(admin.id, WELCOME, live));
		// Another process holds the folder; the clock (only the clock) jumps past the minute a
		// publish waits for it.
		await withLease(folderLease(dir), async () => {
			vi.useFakeTimers({ toFake: ['Date'] });
			try {
				const publishing = publishDrafts(admin, COURSE, 'Wartet');
				await new Promise((resolve) => setTimeout(resolve, 100));
				vi.setSystemTime(Date.now() + 61_000);
				expect(await publishing).toEqual({ ok: false, reason: 'busy' });
			} finally {
				vi.useRealTimers();
			}
		});
		expect(listDrafts(admin.id, COURSE)).toHaveLength(1);
		expect(getItem('grundlagen/ankommen/willkommen')?.title).toBe('Willkommen');
		discardDrafts(admin.id, COURSE);
	});
});

describe('a repository damaged outside the app', () => {
	it('says its history cannot be read instead of failing, and restores nothing', async () => {
		const damaged = mkdtempSync(join(tmpdir(), 'lernplattform-studio-beschaedigt-'));
		cpSync(dir, damaged, { recursive: true });
		writeFileSync(join(damaged, WELCOME), '---\ntitle: Anders\n---\n');
		await git.add({ fs, dir: damaged, filepath: WELCOME });
		const author = { name: 'Außen', email: 'aussen@beispiel.example' };
		const latest = await git.commit({ fs, dir: damaged, message: 'Außen', author });
		// Every object but that commit is overwritten: the commit is found, its parent and trees not.
		const objects = join(damaged, '.git/objects');
		for (const prefix of readdirSync(objects).filter((name) => name.length === 2)) {
			for (const rest of readdirSync(join(objects, prefix))) {
				if (prefix + rest !== latest) writeFileSync(join(objects, prefix, rest), 'kaputt');
			}
		}
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		process.env.CONTENT_DIR = damaged;
		try {
			expect(await courseHistory(COURSE)).toMatchObject({ rows: [], unreadable: true });
			expect(await courseHistory(COURSE, WELCOME)).toMatchObject({ rows: [], unreadable: true });
			expect(await commitView(COURSE, latest)).toBe('unreadable');
			expect(await restoreVersion(admin, COURSE, latest, WELCOME, 'Zurück')).toEqual({
				ok: false,
				reason: 'unreadable'
			});
			expect(errors).toHaveBeenCalledWith(
				'Versionsverlauf des Inhaltsordners nicht lesbar:',
				expect.anything()
			);
		} finally {
			process.env.CONTENT_DIR = dir;
			errors.mockRestore();
			rmSync(damaged, { recursive: true, force: true });
		}
		expect((await courseHistory(COURSE)).unreadable).toBe(false);
		expect(getItem('grundlagen/ankommen/willkommen')?.title).toBe('Willkommen');
	});
});

describe('changes made in the folder without git', () => {
	it('become a version of their own after an admin reload', async () => {
		const before = (await courseHistory(COURSE)).rows.length;
		writeFileSync(
			join(dir, `courses/${COURSE}/${MODULE}/module.md`),
			'---\ntitle: Ankommen neu\n---\n'
		);
		const reloaded = await reloadFolderAs(admin, null, 'Im Ordner geändert');
		expect(reloaded.reload.ok).toBe(true);
		expect(reloaded.commit).toMatch(/^[0-9a-f]{40}$/);
		const history = (await courseHistory(COURSE)).rows;
		expect(history).toHaveLength(before + 1);
		expect(history[0]).toMatchObject({ message: 'Im Ordner geändert', authorName: 'Admina' });
		expect((await reloadFolderAs(admin, null, 'Nichts')).commit).toBeNull();
	});

	it('are read whole when another process is publishing at the moment of the reload', async () => {
		const page = `courses/${COURSE}/${MODULE}/09-zwischenstand.md`;
		let reloading: ReturnType<typeof reloadFolderAs> | undefined;
		// The other process writes its page in two steps; only the second is a valid page.
		await withLease(folderLease(dir), async () => {
			writeFileSync(join(dir, page), '---\ntitle: Halb\n---\n\n<script>x</script>\n');
			reloading = reloadFolderAs(admin, null, 'Neu geladen');
			await new Promise((resolve) => setTimeout(resolve, 100));
			writeFileSync(join(dir, page), '---\ntitle: Ganz\nminutes: 5\n---\n\n## Ganz\n');
		});

		expect((await reloading)!.reload.ok).toBe(true);
		expect(getItem('grundlagen/ankommen/zwischenstand')?.title).toBe('Ganz');
		rmSync(join(dir, page));
		expect((await reloadFolderAs(admin, null, 'Aufgeräumt')).reload.ok).toBe(true);
	});

	it('are loaded even where git cannot keep them, and the outcome says so', async () => {
		const elsewhere = (gitEntry: (path: string) => void) => {
			const folder = mkdtempSync(join(tmpdir(), 'lernplattform-ohne-verlauf-'));
			cpSync(join(dir, 'courses'), join(folder, 'courses'), { recursive: true });
			writeFileSync(
				join(folder, `courses/${COURSE}/${MODULE}/module.md`),
				'---\ntitle: Ankommen ohne Verlauf\n---\n'
			);
			gitEntry(join(folder, '.git'));
			process.env.CONTENT_DIR = folder;
			return folder;
		};
		const moduleTitle = () => getModule('grundlagen/ankommen')?.title;
		try {
			// No repository can be made (as in a read-only folder) ...
			const unwritable = elsewhere((path) => symlinkSync('/nonexistent/lernplattform', path));
			const first = await reloadFolderAs(admin, null, 'Ohne Verlauf');
			expect(first).toMatchObject({ reload: { ok: true }, commit: null, notRecorded: true });
			expect(moduleTitle()).toBe('Ankommen ohne Verlauf');
			expect((await courseHistory(COURSE)).rows).toEqual([]);
			rmSync(unwritable, { recursive: true, force: true });
			// ... or the commit fails once the folder is loaded.
			const broken = elsewhere((path) => writeFileSync(path, 'kein Repository'));
			writeFileSync(
				join(broken, `courses/${COURSE}/${MODULE}/module.md`),
				'---\ntitle: Ankommen kaputt\n---\n'
			);
			const second = await reloadFolderAs(admin, null, 'Kaputter Verlauf');
			expect(second).toMatchObject({ reload: { ok: true }, commit: null, notRecorded: true });
			expect(moduleTitle()).toBe('Ankommen kaputt');
			rmSync(broken, { recursive: true, force: true });
		} finally {
			process.env.CONTENT_DIR = dir;
		}
		expect((await reloadFolderAs(admin, null, 'Zurück')).notRecorded).toBe(false);
	});
});
