import git from 'isomorphic-git';
import fs, { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getItem } from '../content';
import {
	contentStartupProblem,
	currentContent,
	lastRejectedReload,
	reloadContent
} from '../content/live';
import { StartupProblem } from '../config/startup';
import { newestGoodVersion, startWithNewestGoodVersion } from './start-version';

// A content folder whose files fail the check at start: the server starts with the newest
// version in the folder's history that passes it, instead of not at all.

const fixture = resolve(import.meta.dirname, '../../../../tests/fixtures/content/valid');
const LESSON = 'courses/01-grundlagen/02-vertiefung/zusammenfassung.md';
const LESSON_ID = 'grundlagen/praxis/rueckblick';
const author = { name: 'Tina Trainerin', email: 'tina@example.org' };
let dir = '';

async function commitAll(message: string): Promise<string> {
	await git.add({ fs, dir, filepath: '.' });
	return git.commit({ fs, dir, message, author });
}

const edit = (path: string, change: (text: string) => string) =>
	writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
const breakLesson = () => edit(LESSON, (text) => text.replace(/^title:.*$/m, 'title:'));

/** The problem the start reports for the files as they are now. */
function startProblem() {
	const result = reloadContent();
	expect(result.ok).toBe(false);
	const { errors, warnings } = lastRejectedReload()!;
	return contentStartupProblem(dir, errors, warnings);
}

beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'lernplattform-startfassung-'));
	cpSync(join(fixture, 'courses'), join(dir, 'courses'), { recursive: true });
	await git.init({ fs, dir, defaultBranch: 'main' });
	process.env.CONTENT_DIR = dir;
	vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterAll(() => {
	process.env.CONTENT_DIR = 'content';
	vi.restoreAllMocks();
});

describe('a start whose content files have errors', () => {
	it('goes live with the last commit, and the admin page names the errors and that commit', async () => {
		await commitAll('Ausgangsstand');
		edit(LESSON, (text) => text.replace('# ', '# Neu: '));
		const good = await commitAll('Rückblick überarbeitet');
		breakLesson();

		expect(await startWithNewestGoodVersion(startProblem())).toBe(true);

		expect(getItem(LESSON_ID)?.title).toBeTruthy();
		const rejected = lastRejectedReload()!;
		expect(rejected.atStart).toBe(true);
		expect(rejected.errors.map((error) => error.file)).toContain(LESSON);
		expect(rejected.startedFrom).toMatchObject({ commit: good, message: 'Rückblick überarbeitet' });
		expect(currentContent().dir).toBe(resolve(dir));
	});

	it('skips commits that fail the check too', async () => {
		const good = await commitAll('Ausgangsstand');
		breakLesson();
		await commitAll('Kaputter Stand per git pull');

		const found = await newestGoodVersion(dir);
		expect(found?.committed.commit).toBe(good);
	});

	it('keeps saying so after another failed reload, and forgets it after a successful one', async () => {
		await commitAll('Ausgangsstand');
		const original = readFileSync(join(dir, LESSON), 'utf8');
		breakLesson();
		await startWithNewestGoodVersion(startProblem());

		expect(reloadContent().ok).toBe(false);
		expect(lastRejectedReload()?.startedFrom?.message).toBe('Ausgangsstand');
		expect(lastRejectedReload()?.atStart).toBeFalsy();

		writeFileSync(join(dir, LESSON), original);
		expect(reloadContent().ok).toBe(true);
		expect(lastRejectedReload()).toBeNull();
	});

	it('still stops when the folder has no history, or no version in it passes', async () => {
		breakLesson();
		expect(await startWithNewestGoodVersion(startProblem())).toBe(false);

		await commitAll('Kaputt von Anfang an');
		expect(await startWithNewestGoodVersion(startProblem())).toBe(false);
		expect(await startWithNewestGoodVersion(new StartupProblem('PORT belegt'))).toBe(false);
		rmSync(join(dir, '.git'), { recursive: true });
	});
});
