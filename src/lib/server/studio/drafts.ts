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
 * Records `content` (null: delete) as the user's version of `path`. A draft equal to the live
 * file is no change and is dropped.
 */
export function saveDraft(
	userId: string,
	courseDir: string,
	path: string,
	content: Buffer | null,
	live: Buffer | null
): void {
	const db = getDb();
	const where = and(eq(contentDrafts.userId, userId), eq(contentDrafts.path, path));
	const existing = db
		.select({ baseHash: contentDrafts.baseHash })
		.from(contentDrafts)
		.where(where)
		.get();
	const baseHash = existing ? existing.baseHash : hashOf(live);
	if (hashOf(content) === hashOf(live)) {
		db.delete(contentDrafts).where(where).run();
		return;
	}
	db.insert(contentDrafts)
		.values({ id: generateId(), userId, courseDir, path, content, baseHash, updatedAt: new Date() })
		.onConflictDoUpdate({
			target: [contentDrafts.userId, contentDrafts.path],
			set: { content, updatedAt: new Date() }
		})
		.run();
}

/** Takes the live file as the new base: the author keeps their text after a conflict. */
export function rebaseDraft(userId: string, path: string, live: Buffer | null): void {
	getDb()
		.update(contentDrafts)
		.set({ baseHash: hashOf(live) })
		.where(and(eq(contentDrafts.userId, userId), eq(contentDrafts.path, path)))
		.run();
}

export function discardDrafts(userId: string, courseDir: string, paths?: string[]): number {
	const conditions = [eq(contentDrafts.userId, userId), eq(contentDrafts.courseDir, courseDir)];
	if (paths) conditions.push(inArray(contentDrafts.path, paths));
	return getDb()
		.delete(contentDrafts)
		.where(and(...conditions))
		.run().changes;
}
