// Version history of the content folder: a plain Git repository, driven by isomorphic-git so the
// app needs no system git. Commits made with the git CLI in the same folder coexist with ours.
import git, { type TreeEntry } from 'isomorphic-git';
import fs from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { withLease } from '../db/lease';

export interface Author {
	name: string;
	email: string;
}

export interface FileWrite {
	path: string;
	content: string | Uint8Array;
}

export interface ChangeSet {
	writes: FileWrite[];
	deletes: string[];
	author: Author;
	message: string;
}

export interface FileChange {
	path: string;
	status: 'added' | 'modified' | 'deleted';
	before: string | null;
	after: string | null;
	binary: boolean;
}

const INITIAL_MESSAGE = 'Ausgangsstand der Kursinhalte';
const PLATFORM_AUTHOR: Author = { name: 'Lernplattform', email: 'lernplattform@localhost' };
const BINARY_SNIFF_BYTES = 8000;
const ADD_BATCH = 16;

const initialising = new Map<string, Promise<boolean>>();
const pendingCommits = new Map<string, Promise<unknown>>();

/** The lease for writing a folder's repository, shared by all processes on the database. */
export const folderLease = (dir: string) => `content-git:${resolve(dir)}`;

/** The writes a task of holdingFolder may make. */
export interface HeldFolder {
	/** Writes and commits a change. */
	commit(change: ChangeSet): Promise<string>;
	/**
	 * Commits whatever changed in the folder since the last commit (files edited or dropped in
	 * without git); null when it matches the last commit.
	 */
	commitWorkingChanges(author: Author, message: string): Promise<string | null>;
}

/**
 * Runs `task` while this process has the folder to itself: in this process after the writes
 * queued before it, across processes (a cluster) under a lease. The task commits through the
 * function it is given, so what it checked is still what it commits onto, and one commit never
 * picks up another's staging or index.
 */
export function holdingFolder<T>(
	dir: string,
	task: (folder: HeldFolder) => Promise<T>
): Promise<T> {
	const previous = pendingCommits.get(dir) ?? Promise.resolve();
	const next = previous
		.catch(() => undefined)
		.then(async () => {
			// Outside the lease: making the repository takes it itself.
			await ensureRepository(dir);
			return withLease(folderLease(dir), () =>
				task({
					commit: (change) => {
						assertRepositoryPaths(change);
						return applyAndCommit(dir, change);
					},
					commitWorkingChanges: (author, message) => commitWorkingChanges(dir, author, message)
				})
			);
		});
	pendingCommits.set(dir, next);
	return next;
}

export function ensureRepository(dir: string): Promise<boolean> {
	const running = initialising.get(dir);
	if (running) return running;
	const started = initialiseOnce(dir).finally(() => initialising.delete(dir));
	initialising.set(dir, started);
	return started;
}

/**
 * Several processes start at once on a fresh folder (a cluster): the lease lets one of them make
 * the repository and the initial commit; the others then find it.
 */
async function initialiseOnce(dir: string): Promise<boolean> {
	if (fs.existsSync(join(dir, '.git'))) return false;
	return withLease(folderLease(dir), async () => {
		if (fs.existsSync(join(dir, '.git'))) return false;
		await initialise(dir);
		return true;
	});
}

async function initialise(dir: string): Promise<void> {
	await git.init({ fs, dir, defaultBranch: 'main' });
	const files = await listVisibleFiles(dir);
	// git.add reads and compresses all the files it is given at once: in batches, the first
	// start holds a few files in memory at a time, not the whole content folder.
	for (let start = 0; start < files.length; start += ADD_BATCH) {
		await git.add({ fs, dir, filepath: files.slice(start, start + ADD_BATCH) });
	}
	await git.commit({ fs, dir, message: INITIAL_MESSAGE, author: PLATFORM_AUTHOR });
}

async function listVisibleFiles(dir: string, prefix = ''): Promise<string[]> {
	const entries = await fs.promises.readdir(join(dir, prefix), { withFileTypes: true });
	const files: string[] = [];
	for (const entry of entries) {
		if (entry.name.startsWith('.')) continue;
		const path = prefix ? `${prefix}/${entry.name}` : entry.name;
		if (entry.isDirectory()) files.push(...(await listVisibleFiles(dir, path)));
		else if (entry.isFile()) files.push(path);
	}
	return files;
}

export async function headOid(dir: string): Promise<string | null> {
	try {
		return await git.resolveRef({ fs, dir, ref: 'HEAD' });
	} catch {
		return null;
	}
}

function assertRepositoryPaths(change: ChangeSet): void {
	for (const path of [...change.writes.map((write) => write.path), ...change.deletes]) {
		assertRepositoryPath(path);
	}
}

function assertRepositoryPath(path: string): void {
	const segments = path.split('/');
	const unsafe =
		isAbsolute(path) ||
		path.includes('\\') ||
		segments.some((segment) => segment === '' || segment.startsWith('.'));
	if (unsafe) throw new Error(`Unzulässiger Pfad im Inhaltsordner: ${path}`);
}

async function applyAndCommit(dir: string, change: ChangeSet): Promise<string> {
	for (const { path, content } of change.writes) {
		const target = join(dir, path);
		await fs.promises.mkdir(dirname(target), { recursive: true });
		await fs.promises.writeFile(target, content);
	}
	for (const path of change.deletes) {
		await fs.promises.rm(join(dir, path), { force: true });
		await removeEmptyParents(dir, path);
	}
	if (change.writes.length > 0) {
		await git.add({ fs, dir, filepath: change.writes.map((write) => write.path) });
	}
	if (change.deletes.length > 0) await git.remove({ fs, dir, filepath: change.deletes });
	return git.commit({ fs, dir, message: change.message, author: change.author });
}

async function removeEmptyParents(dir: string, path: string): Promise<void> {
	for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) {
		const absolute = join(dir, folder);
		const entries = await fs.promises.readdir(absolute).catch(() => null);
		if (entries === null) continue;
		if (entries.length > 0) return;
		await fs.promises.rmdir(absolute);
	}
}

/** The tree entry at `path` (a file or a folder) inside the tree `treeOid`, or null. */
export async function entryAt(
	dir: string,
	treeOid: string,
	path: string,
	cache: object
): Promise<Pick<TreeEntry, 'oid' | 'type'> | null> {
	let current: Pick<TreeEntry, 'oid' | 'type'> = { oid: treeOid, type: 'tree' };
	for (const name of path.split('/').filter(Boolean)) {
		if (current.type !== 'tree') return null;
		const { tree } = await git.readTree({ fs, dir, oid: current.oid, cache });
		const child = tree.find((entry) => entry.path === name);
		if (!child) return null;
		current = child;
	}
	return current;
}

export async function readFileAt(
	dir: string,
	oid: string,
	path: string
): Promise<Uint8Array | null> {
	const cache = {};
	const { commit } = await git.readCommit({ fs, dir, oid, cache });
	const entry = await entryAt(dir, commit.tree, path, cache);
	if (entry?.type !== 'blob') return null;
	const { blob } = await git.readBlob({ fs, dir, oid: entry.oid, cache });
	return blob;
}

interface ChangedBlob {
	path: string;
	beforeOid: string | null;
	afterOid: string | null;
}

export async function changesIn(
	dir: string,
	oid: string,
	options: { under?: string } = {}
): Promise<FileChange[]> {
	const cache = {};
	const { commit } = await git.readCommit({ fs, dir, oid, cache });
	const parent = commit.parent[0];
	const parentTree = parent
		? (await git.readCommit({ fs, dir, oid: parent, cache })).commit.tree
		: null;
	const under = (options.under ?? '').replace(/\/+$/, '');
	const after = await entryAt(dir, commit.tree, under, cache);
	const before = parentTree === null ? null : await entryAt(dir, parentTree, under, cache);
	const changed = await compareEntries(dir, under, before, after, cache);
	const changes = await Promise.all(changed.map((blob) => describeChange(dir, blob, cache)));
	return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

type Entry = Pick<TreeEntry, 'oid' | 'type'> | null;

/** Blobs that differ between two entries at the same path, descending into folders. */
async function compareEntries(
	dir: string,
	path: string,
	before: Entry,
	after: Entry,
	cache: object
): Promise<ChangedBlob[]> {
	if (before?.oid === after?.oid) return [];
	const blobOid = (entry: Entry) => (entry?.type === 'blob' ? entry.oid : null);
	const changed: ChangedBlob[] = [];
	if (blobOid(before) !== blobOid(after)) {
		changed.push({ path, beforeOid: blobOid(before), afterOid: blobOid(after) });
	}
	if (before?.type === 'tree' || after?.type === 'tree') {
		const beforeChildren = await childrenOf(dir, before, cache);
		const afterChildren = await childrenOf(dir, after, cache);
		for (const name of new Set([...beforeChildren.keys(), ...afterChildren.keys()])) {
			const childPath = path ? `${path}/${name}` : name;
			const childBefore = beforeChildren.get(name) ?? null;
			const childAfter = afterChildren.get(name) ?? null;
			changed.push(...(await compareEntries(dir, childPath, childBefore, childAfter, cache)));
		}
	}
	return changed;
}

async function childrenOf(
	dir: string,
	entry: Entry,
	cache: object
): Promise<Map<string, TreeEntry>> {
	if (entry?.type !== 'tree') return new Map();
	const { tree } = await git.readTree({ fs, dir, oid: entry.oid, cache });
	return new Map(tree.map((child) => [child.path, child]));
}

async function describeChange(dir: string, blob: ChangedBlob, cache: object): Promise<FileChange> {
	const readBlob = async (oid: string | null) =>
		oid === null ? null : (await git.readBlob({ fs, dir, oid, cache })).blob;
	const before = await readBlob(blob.beforeOid);
	const after = await readBlob(blob.afterOid);
	const binary = [before, after].some((content) => content !== null && looksBinary(content));
	const asText = (content: Uint8Array | null) =>
		content === null || binary ? null : new TextDecoder().decode(content);
	return {
		path: blob.path,
		status: before === null ? 'added' : after === null ? 'deleted' : 'modified',
		before: asText(before),
		after: asText(after),
		binary
	};
}

function looksBinary(content: Uint8Array): boolean {
	return content.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

async function commitWorkingChanges(
	dir: string,
	author: Author,
	message: string
): Promise<string | null> {
	const rows = await git.statusMatrix({ fs, dir });
	const changed = rows.filter(
		([path, head, workdir]) =>
			head !== workdir && !path.split('/').some((segment) => segment.startsWith('.'))
	);
	if (changed.length === 0) return null;
	for (const [path, , workdir] of changed) {
		if (workdir === 0) await git.remove({ fs, dir, filepath: path });
		else await git.add({ fs, dir, filepath: path });
	}
	return git.commit({ fs, dir, message, author });
}
