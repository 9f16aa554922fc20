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

async function touchesPath(
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
