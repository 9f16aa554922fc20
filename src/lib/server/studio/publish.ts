import { contentDir } from '../config/paths';
import type { SessionUser } from '../auth/session';
import { recordAudit } from '../audit';
import { reloadContent } from '../content';
import {
	isIncludedText,
	isPageMarkdown,
	readContentSnapshot,
	type ContentSnapshot
} from '../content/disk';
import { prepareContent } from '../content/prepare';
import type { ContentProblem } from '../content/problems';
import { hashOf, listDrafts, settlePublishedDrafts, versionOf } from './drafts';
import { LeaseTimeout } from '../db/lease';
import { holdingFolder, type HeldFolder } from './repository';
import { liveFile } from './workspace';

// Publishing: an author's drafts (or a restored version) become live in one step. The whole
// content is checked with the change first; only then are the files written, committed to the
// content folder's git history and loaded, one writer of the folder at a time (holdingFolder).

export interface ContentChange {
	path: string;
	/** null deletes the file. */
	content: Buffer | null;
}

export interface Conflict {
	path: string;
	live: string | null;
	mine: string | null;
	/** Of the author's draft as shown, so discarding it cannot drop text saved since. */
	version: string;
}

export type PublishOutcome =
	| { ok: true; commit: string; version: string; files: number }
	| { ok: false; reason: 'nothing' }
	| { ok: false; reason: 'write_failed' }
	/** Another process kept the folder for longer than a publish waits (a minute). */
	| { ok: false; reason: 'busy' }
	| { ok: false; reason: 'conflicts'; conflicts: Conflict[] }
	| { ok: false; reason: 'errors'; errors: ContentProblem[] };

/** The content as it would be with `changes` applied, for the full check. */
function withChanges(
	snapshot: ContentSnapshot,
	changes: readonly ContentChange[]
): ContentSnapshot {
	const files = new Map(snapshot.files.map((file) => [file.path, file.raw]));
	const assets = new Set(snapshot.assets);
	const texts = new Map(snapshot.texts);
	for (const { path, content } of changes) {
		files.delete(path);
		assets.delete(path);
		texts.delete(path);
		if (content === null) continue;
		if (isPageMarkdown(path)) files.set(path, content.toString('utf8'));
		else {
			assets.add(path);
			if (isIncludedText(path)) texts.set(path, content.toString('utf8'));
		}
	}
	return {
		...snapshot,
		files: [...files]
			.map(([path, raw]) => ({ path, raw }))
			.sort((a, b) => (a.path < b.path ? -1 : 1)),
		assets: [...assets].sort()
	};
}

export function checkWithChanges(changes: readonly ContentChange[]): ContentProblem[] {
	const snapshot = readContentSnapshot(contentDir());
	if (!snapshot) return [{ file: 'courses', line: 1, message: 'Der Ordner „courses“ fehlt.' }];
	const result = prepareContent(withChanges(snapshot, changes));
	return result.ok ? [] : result.errors;
}

/** Checks, writes, commits and loads `changes`; nothing is written when the check fails. */
export async function publishChanges(
	user: SessionUser,
	changes: readonly ContentChange[],
	message: string
): Promise<PublishOutcome> {
	if (changes.length === 0) return { ok: false, reason: 'nothing' };
	const dir = contentDir();
	try {
		// One writer of the folder at a time, in this process and across processes (a cluster): the
		// check sees what another process published a moment ago, and nobody writes between it and
		// the commit.
		return await holdingFolder(dir, (folder) =>
			checkCommitAndLoad(user, changes, message, folder, dir)
		);
	} catch (problem) {
		if (problem instanceof LeaseTimeout) return { ok: false, reason: 'busy' };
		return writeFailed(dir, problem);
	}
}

async function checkCommitAndLoad(
	user: SessionUser,
	changes: readonly ContentChange[],
	message: string,
	folder: HeldFolder,
	dir: string
): Promise<PublishOutcome> {
	const errors = checkWithChanges(changes);
	if (errors.length > 0) return { ok: false, reason: 'errors', errors };
	let commit: string;
	try {
		commit = await folder.commit({
			writes: changes.flatMap(({ path, content }) => (content ? [{ path, content }] : [])),
			deletes: changes.filter((change) => change.content === null).map((change) => change.path),
			author: { name: user.name, email: user.email },
			message
		});
	} catch (problem) {
		return writeFailed(dir, problem);
	}
	const reload = reloadContent();
	// Checked above; this fails only if the folder was changed outside the platform meanwhile.
	if (!reload.ok) return { ok: false, reason: 'errors', errors: reload.rejected.errors };
	recordAudit({
		actorId: user.id,
		action: 'content.published',
		objectType: 'content',
		objectId: reload.version.id,
		details: { commit, files: changes.map((change) => change.path) }
	});
	return { ok: true, commit, version: reload.version.id, files: changes.length };
}

/** A full disk or a read-only folder: the author hears it, the operator finds the cause. */
function writeFailed(dir: string, problem: unknown): PublishOutcome {
	const { code, message: reason } = problem as { code?: string; message?: string };
	console.error(`Studio: Veröffentlichen in ${dir} fehlgeschlagen: ${code ?? reason ?? problem}`);
	return { ok: false, reason: 'write_failed' };
}

/** Files whose live version changed since the author's draft started from it. */
export function findConflicts(userId: string, courseDir: string): Conflict[] {
	return listDrafts(userId, courseDir).flatMap((draft) => {
		const live = liveFile(draft.path);
		if (hashOf(live) === draft.baseHash) return [];
		return [
			{
				path: draft.path,
				live: live?.toString('utf8') ?? null,
				mine: draft.content?.toString('utf8') ?? null,
				version: versionOf(draft.content)
			}
		];
	});
}

/** Publishes the author's drafts of a course, unless someone else published the same files meanwhile. */
export async function publishDrafts(
	user: SessionUser,
	courseDir: string,
	message: string
): Promise<PublishOutcome> {
	const conflicts = findConflicts(user.id, courseDir);
	if (conflicts.length > 0) return { ok: false, reason: 'conflicts', conflicts };
	const drafts = listDrafts(user.id, courseDir);
	const outcome = await publishChanges(
		user,
		drafts.map((draft) => ({ path: draft.path, content: draft.content })),
		message
	);
	if (outcome.ok) settlePublishedDrafts(user.id, drafts);
	return outcome;
}
