import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { contentDrafts } from '../db/schema';

// An author's unpublished changes, one row per file. A draft remembers the live file it started
// from (`baseHash`), so publishing can tell when someone else published that file meanwhile.

export type Draft = typeof contentDrafts.$inferSelect;

export const hashOf = (content: Buffer | null): string | null =>
	content === null ? null : createHash('sha256').update(content).digest('hex');

export function listDrafts(userId: string, courseDir: string): Draft[] {
	return getDb()
		.select()
		.from(contentDrafts)
		.where(and(eq(contentDrafts.userId, userId), eq(contentDrafts.courseDir, courseDir)))
		.orderBy(contentDrafts.path)
		.all();
}

/** Course folders in which the user has unpublished changes (new courses included). */
export function draftCourseDirs(userId: string): string[] {
	return getDb()
		.selectDistinct({ courseDir: contentDrafts.courseDir })
		.from(contentDrafts)
		.where(eq(contentDrafts.userId, userId))
		.all()
		.map((row) => row.courseDir);
}

/**
 * The version of a file as an author sees it: a hash of their draft, else of the live file
 * ('absent' when neither has it). Every writer of a draft sends the version it started from,
 * so a save from a stale tab or window is refused instead of overwriting newer text.
 */
export const versionOf = (content: Buffer | null): string => hashOf(content) ?? 'absent';

const draftOf = (userId: string, path: string) =>
	and(eq(contentDrafts.userId, userId), eq(contentDrafts.path, path));

/** What the author's workspace holds for `path` now: their draft, else the live file. */
function currentContent(userId: string, path: string, live: Buffer | null): Buffer | null {
	const draft = getDb()
		.select({ content: contentDrafts.content })
		.from(contentDrafts)
		.where(draftOf(userId, path))
		.get();
	return draft ? draft.content : live;
}

export const draftVersion = (userId: string, path: string, live: Buffer | null): string =>
	versionOf(currentContent(userId, path, live));

export type DraftSave =
	| { ok: true; version: string }
	/** The file changed since `basedOn`: its current content and version, nothing written. */
	| { ok: false; version: string; content: Buffer | null };

/**
 * Records `content` (null: delete) as the user's version of `path`, if the file is still at
 * `basedOn` (see versionOf). A draft equal to the live file is no change and is dropped.
 */
export function saveDraft(
	userId: string,
	courseDir: string,
	path: string,
	content: Buffer | null,
	live: Buffer | null,
	basedOn: string
): DraftSave {
	// Immediate: another server process (a cluster) cannot save between the check and the write.
	return getDb().transaction(
		(tx) => {
			const where = draftOf(userId, path);
			const existing = tx
				.select({ baseHash: contentDrafts.baseHash, content: contentDrafts.content })
				.from(contentDrafts)
				.where(where)
				.get();
			const current = existing ? existing.content : live;
			if (versionOf(current) !== basedOn) {
				return { ok: false, version: versionOf(current), content: current };
			}
			const baseHash = existing ? existing.baseHash : hashOf(live);
			if (hashOf(content) === hashOf(live)) {
				tx.delete(contentDrafts).where(where).run();
			} else {
				tx.insert(contentDrafts)
					.values({
						id: generateId(),
						userId,
						courseDir,
						path,
						content,
						baseHash,
						updatedAt: new Date()
					})
					.onConflictDoUpdate({
						target: [contentDrafts.userId, contentDrafts.path],
						set: { content, updatedAt: new Date() }
					})
					.run();
			}
			return { ok: true, version: versionOf(content) };
		},
		{ behavior: 'immediate' }
	);
}

/** Thrown inside a draftStep when a file changed since it was read: the whole step is undone. */
export class DraftChanged extends Error {}

/** Several draft writes as one (e.g. a move: delete here, write there): all of them or none. */
export function draftStep<T>(step: () => T): T {
	return getDb().transaction(() => step(), { behavior: 'immediate' });
}

/**
 * After a publish: drops the drafts that went live, but keeps one saved again meanwhile (another
 * tab went on typing), based on what was just published.
 */
export function settlePublishedDrafts(userId: string, published: readonly Draft[]): void {
	getDb().transaction(
		(tx) => {
			for (const draft of published) {
				const where = draftOf(userId, draft.path);
				const now = tx
					.select({ content: contentDrafts.content })
					.from(contentDrafts)
					.where(where)
					.get();
				if (!now) continue;
				if (versionOf(now.content) === versionOf(draft.content))
					tx.delete(contentDrafts).where(where).run();
				else
					tx.update(contentDrafts)
						.set({ baseHash: hashOf(draft.content) })
						.where(where)
						.run();
			}
		},
		{ behavior: 'immediate' }
	);
}

/** Takes the live file as the new base: the author keeps their text after a conflict. */
export function rebaseDraft(userId: string, path: string, live: Buffer | null): void {
	getDb()
		.update(contentDrafts)
		.set({ baseHash: hashOf(live) })
		.where(draftOf(userId, path))
		.run();
}

/** Discards the author's draft of `path` if it is still at `basedOn`; false when it changed. */
export function discardDraft(userId: string, path: string, basedOn: string): boolean {
	return getDb().transaction(
		(tx) => {
			const where = draftOf(userId, path);
			const draft = tx
				.select({ content: contentDrafts.content })
				.from(contentDrafts)
				.where(where)
				.get();
			if (!draft || versionOf(draft.content) !== basedOn) return false;
			tx.delete(contentDrafts).where(where).run();
			return true;
		},
		{ behavior: 'immediate' }
	);
}

export function discardDrafts(userId: string, courseDir: string, paths?: string[]): number {
	const conditions = [eq(contentDrafts.userId, userId), eq(contentDrafts.courseDir, courseDir)];
	if (paths) conditions.push(inArray(contentDrafts.path, paths));
	return getDb()
		.delete(contentDrafts)
		.where(and(...conditions))
		.run().changes;
}
