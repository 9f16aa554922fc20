import git from 'isomorphic-git';
import fs from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../config/paths';
import { isIncludedText, isPageMarkdown, snapshotOf, type ContentSnapshot } from '../content/disk';
import {
	ContentStartupProblem,
	startWithCommittedVersion,
	type CommittedVersion
} from '../content/live';
import { formatDateTime } from '$lib/format';
import { prepareContent } from '../content/prepare';
import { formatProblem } from '../content/problems';
import { headOid } from './repository';
import type { ContentVersion } from '../content';

// The files in CONTENT_DIR failed the check at start (a hand edit, a `git pull` of a broken
// commit). Rather than keep the whole platform down until someone fixes them, the server starts
// with the newest version in the folder's history that passes the check, says so in the log and
// on the admin page "Kursinhalte", and takes the files again with the next successful reload.

/** How many commits back a start looks; each one is parsed and checked in full. */
const LOOK_BACK = 10;

/**
 * Starts with the newest committed version that passes the check when `problem` is a content
 * error at start; false when it is another problem or the history has no such version (then the
 * start stops as before).
 */
export async function startWithNewestGoodVersion(problem: unknown): Promise<boolean> {
	if (!(problem instanceof ContentStartupProblem)) return false;
	const found = await newestGoodVersion(contentDir()).catch((cause: unknown) => {
		console.error('Kursinhalt: Der Verlauf des Inhaltsordners ließ sich nicht lesen:', cause);
		return null;
	});
	if (!found) return false;
	startWithCommittedVersion(found.version, problem, found.committed);
	const { commit, date, message } = found.committed;
	const source = `${commit.slice(0, 7)}, ${formatDateTime(date, 'de')}, „${message}“`;
	const list = problem.errors.map((error) => formatProblem(error)).join('\n');
	console.warn(
		`Der Kursinhalt in ${problem.dir} enthält ${problem.errors.length} Fehler (CONTENT_DIR): gestartet mit der letzten fehlerfreien Fassung aus dem Verlauf des Ordners (${source}). Die Dateien unten korrigieren und „Inhalte neu laden“ (Menü „Inhalte“). / ` +
			`The content in ${problem.dir} has ${problem.errors.length} error(s) (CONTENT_DIR): started with the newest version without errors from the folder's history (${source}). Fix the files below and reload the content (menu „Inhalte“).\n${list}`
	);
	return true;
}

export async function newestGoodVersion(
	dir: string,
	lookBack = LOOK_BACK
): Promise<{ version: ContentVersion; committed: CommittedVersion } | null> {
	if (!fs.existsSync(join(dir, '.git')) || (await headOid(dir)) === null) return null;
	const cache = {};
	const commits = await git.log({ fs, dir, depth: lookBack, cache });
	for (const { oid, commit } of commits) {
		const result = prepareContent(await snapshotAt(dir, commit.tree, cache));
		if (!result.ok) continue;
		const message = commit.message.split('\n')[0] ?? '';
		const date = new Date(commit.author.timestamp * 1000);
		return { version: result.version, committed: { commit: oid, message, date } };
	}
	return null;
}

/** The content folder as it was in a commit, read like the files on disk (disk.ts). */
async function snapshotAt(dir: string, tree: string, cache: object): Promise<ContentSnapshot> {
	const blobs = new Map<string, string>();
	await collectBlobs(dir, tree, '', blobs, cache);
	const paths = [...blobs.keys()].sort();
	const texts = new Map<string, string>();
	for (const path of paths.filter((path) => isPageMarkdown(path) || isIncludedText(path))) {
		const { blob } = await git.readBlob({ fs, dir, oid: blobs.get(path)!, cache });
		texts.set(path, Buffer.from(blob).toString('utf8'));
	}
	return snapshotOf(dir, paths, (path) => texts.get(path) ?? '');
}

/** Paths and blob IDs under a tree, hidden files and folders left out as on disk. */
async function collectBlobs(
	dir: string,
	oid: string,
	prefix: string,
	blobs: Map<string, string>,
	cache: object
): Promise<void> {
	const { tree } = await git.readTree({ fs, dir, oid, cache });
	for (const entry of tree) {
		if (entry.path.startsWith('.')) continue;
		const path = prefix + entry.path;
		if (entry.type === 'tree') await collectBlobs(dir, entry.oid, `${path}/`, blobs, cache);
		else if (entry.type === 'blob') blobs.set(path, entry.oid);
	}
}
