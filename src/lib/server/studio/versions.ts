import type { SessionUser } from '../auth/session';
import { recordAudit } from '../audit';
import { resolve } from 'node:path';
import { contentDir, shippedContentDir } from '../config/paths';
import { pageOf } from '../db/paging';
import { diffView, type ChangeKind } from './changes';
import { isWritablePath } from './paths';
import { publishChanges, type PublishOutcome } from './publish';
import { findCommit, history, type HistoryEntry } from './history';
import { changesIn, ensureRepository, holdingFolder, readFileAt } from './repository';
import { reloadContentAs, type ReloadOutcome } from '../content/reload-view';

// The history of a course or a page, read from the content folder's git repository (commits
// made outside the app included), and restoring an old version as a new commit.

/** The product's own `content/` lives in the project's repository already: no history of ours. */
const isShippedFolder = (dir: string) => resolve(dir) === resolve(shippedContentDir());

/** Makes CONTENT_DIR a repository if it is none. */
export async function startContentHistory(): Promise<boolean> {
	const dir = contentDir();
	if (isShippedFolder(dir)) return false;
	return ensureRepository(dir);
}

/** An admin's reload, and whether the files it loaded were kept as a version. */
export interface FolderReload {
	reload: ReloadOutcome;
	/** The new version; null when the folder matched the last one or nothing was loaded. */
	commit: string | null;
	/** Loaded, but git could not keep it as a version (the cause is in the server log). */
	notRecorded: boolean;
}

/**
 * The admin's "Inhalte neu laden": reads, checks and loads the folder, then keeps files changed
 * in it without git as a version of their own, named after the admin, so every live version can
 * be found and restored. Both while this process has the folder to itself, so a publish in
 * another process (a cluster) is never read half written.
 */
export async function reloadFolderAs(
	user: SessionUser,
	ip: string | null,
	message: string
): Promise<FolderReload> {
	const dir = contentDir();
	if (isShippedFolder(dir)) {
		return { reload: reloadContentAs(user, ip), commit: null, notRecorded: false };
	}
	try {
		return await holdingFolder(dir, async (folder) => {
			const reload = reloadContentAs(user, ip);
			if (!reload.ok) return { reload, commit: null, notRecorded: false };
			try {
				const author = { name: user.name, email: user.email };
				const commit = await folder.commitWorkingChanges(author, message);
				return { reload, commit, notRecorded: false };
			} catch (problem) {
				console.error('Inhalte neu geladen, aber nicht als Fassung gespeichert:', problem);
				return { reload, commit: null, notRecorded: true };
			}
		});
	} catch (problem) {
		// No repository can be made in the folder (read-only, say), or another process held it
		// for a minute: the content is loaded anyway, as before the studio kept versions.
		console.error('Inhaltsordner nicht verfügbar, Inhalte ohne Fassung geladen:', problem);
		return { reload: reloadContentAs(user, ip), commit: null, notRecorded: true };
	}
}

const HISTORY_PAGE_SIZE = 50;

/**
 * Reads the folder's repository; null when git cannot (objects damaged or removed outside the
 * app). The live content is read from the files, so only the history is missing: the pages say so
 * instead of failing, and the cause goes to the server log.
 */
async function readingRepository<T>(read: () => Promise<T>): Promise<T | null> {
	try {
		return await read();
	} catch (problem) {
		console.error('Versionsverlauf des Inhaltsordners nicht lesbar:', problem);
		return null;
	}
}

/** One page of the versions of a course or a page, newest first; `unreadable` when git fails. */
export async function courseHistory(courseDir: string, path?: string, page = 1) {
	const dir = contentDir();
	// A folder that cannot hold a repository (read-only, say) has no history: the page says so.
	await ensureRepository(dir).catch((problem) =>
		console.warn('Kursinhalt: kein Versionsverlauf möglich:', problem)
	);
	const entries = await readingRepository(() =>
		history(dir, { path: path ?? `courses/${courseDir}`, limit: Infinity })
	);
	return { ...pageOf(entries ?? [], page, HISTORY_PAGE_SIZE), unreadable: entries === null };
}

export interface CommitView {
	entry: HistoryEntry;
	files: { path: string; status: ChangeKind; diff: ReturnType<typeof diffView> }[];
}

/** What a commit changed inside the course; null when there is no such commit. */
export async function commitView(
	courseDir: string,
	oid: string
): Promise<CommitView | 'unreadable' | null> {
	const dir = contentDir();
	const view = await readingRepository(async () => {
		const entry = await findCommit(dir, oid, `courses/${courseDir}`);
		if (!entry) return 'none' as const;
		return { entry, files: await changesIn(dir, oid, { under: `courses/${courseDir}` }) };
	});
	if (view === null) return 'unreadable';
	if (view === 'none') return null;
	return {
		entry: view.entry,
		files: view.files.map((file) => ({
			path: file.path,
			status: file.status,
			diff: file.binary ? null : diffView(textBuffer(file.before), textBuffer(file.after))
		}))
	};
}

const textBuffer = (text: string | null) => (text === null ? null : Buffer.from(text));

/** Publishes the file as it was after `oid`: a new commit, the history stays as it is. */
export async function restoreVersion(
	user: SessionUser,
	courseDir: string,
	oid: string,
	path: string,
	message: string
): Promise<PublishOutcome | { ok: false; reason: 'unreadable' } | null> {
	if (!isWritablePath(path, courseDir)) return null;
	const dir = contentDir();
	const old = await readingRepository(async () =>
		(await findCommit(dir, oid, path)) ? { content: await readFileAt(dir, oid, path) } : 'none'
	);
	if (old === null) return { ok: false, reason: 'unreadable' };
	if (old === 'none') return null;
	const { content } = old;
	const outcome = await publishChanges(
		user,
		[{ path, content: content ? Buffer.from(content) : null }],
		message
	);
	if (outcome.ok) {
		recordAudit({
			actorId: user.id,
			action: 'content.restored',
			objectType: 'content',
			objectId: path,
			details: { from: oid, commit: outcome.commit }
		});
	}
	return outcome;
}
