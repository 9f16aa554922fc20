// The history of the content folder's repository as the studio shows it: the commits that changed
// a course or a file, newest first.
import git, { type ReadCommitResult } from 'isomorphic-git';
import fs from 'node:fs';
import { entryAt, headOid } from './repository';

export interface HistoryEntry {
	oid: string;
	message: string;
	authorName: string;
	authorEmail: string;
	date: Date;
}

const DEFAULT_HISTORY_LIMIT = 50;

export async function history(
	dir: string,
	options: { path?: string; limit?: number } = {}
): Promise<HistoryEntry[]> {
	const limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
	if (limit <= 0 || (await headOid(dir)) === null) return [];
	const cache = {};
	const commits = await git.log({
		fs,
		dir,
		cache,
		depth: options.path === undefined ? limit : undefined
	});
	const entries: HistoryEntry[] = [];
	for (const commit of commits) {
		if (entries.length >= limit) break;
		if (options.path === undefined || (await touchesPath(dir, commit, options.path, cache))) {
			entries.push(toHistoryEntry(commit));
		}
	}
	return entries;
}

/**
 * Whether a commit changed a path, per process. A commit's id names its content and its parent, so
 * the answer never changes and needs no invalidation; the size bound only caps the memory. Without
 * it every history page re-read two commits' trees for every commit (1,000 commits: ~3 s).
 */
const touched = new Map<string, boolean>();
const TOUCHED_LIMIT = 100_000;

async function touchesPath(
	dir: string,
	read: ReadCommitResult,
	path: string,
	cache: object
): Promise<boolean> {
	const key = `${read.oid}\0${path}`;
	const known = touched.get(key);
	if (known !== undefined) return known;
	const answer = await readTouches(dir, read, path, cache);
	if (touched.size >= TOUCHED_LIMIT) touched.clear();
	touched.set(key, answer);
	return answer;
}

async function readTouches(
	dir: string,
	{ commit }: ReadCommitResult,
	path: string,
	cache: object
): Promise<boolean> {
	const now = await entryAt(dir, commit.tree, path, cache);
	const parent = commit.parent[0];
	if (parent === undefined) return now !== null;
	const { commit: parentCommit } = await git.readCommit({ fs, dir, oid: parent, cache });
	const before = await entryAt(dir, parentCommit.tree, path, cache);
	return now?.oid !== before?.oid;
}

function toHistoryEntry({ oid, commit }: ReadCommitResult): HistoryEntry {
	return {
		oid,
		message: commit.message.replace(/\n+$/, ''),
		authorName: commit.author.name,
		authorEmail: commit.author.email,
		date: new Date(commit.author.timestamp * 1000)
	};
}

/**
 * The commit `oid` when it is in the history of HEAD and changed `path`; null otherwise (unknown,
 * not reached from HEAD, or about something else). Finds old commits without listing the history.
 */
export async function findCommit(
	dir: string,
	oid: string,
	path: string
): Promise<HistoryEntry | null> {
	const head = await headOid(dir);
	if (head === null) return null;
	const cache = {};
	const found = await git.readCommit({ fs, dir, oid, cache }).catch(() => null);
	if (!found || !(await touchesPath(dir, found, path, cache))) return null;
	const reached =
		head === found.oid ||
		(await git.isDescendent({ fs, dir, oid: head, ancestor: found.oid, depth: -1, cache }));
	return reached ? toHistoryEntry(found) : null;
}
