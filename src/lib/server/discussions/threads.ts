import { and, asc, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { pageOfQuery } from '../db/paging';
import {
	alumniThreads,
	discussionPosts,
	discussionReads,
	discussionThreads,
	users
} from '../db/schema';
import { insertAttachments, type StoredAttachment } from './attachments';
import { POSTS_PER_PAGE } from './links';
import { notifyMentions } from './mentions';
import { notifyReply } from './notify';
import { markRead } from './reads';
import type { AttachmentView } from '$lib/discussions';
import { inSpace, spaceOfThread, toSpace, type SpaceRef } from './space';

export const THREADS_PER_PAGE = 20;

export type Thread = typeof discussionThreads.$inferSelect;

/** Which threads the list shows: a module section ('' = Allgemein) and/or one lesson or task. */
export interface ThreadFilter {
	moduleId?: string | null;
	itemId?: string;
}

function filterWhere(space: SpaceRef, filter: ThreadFilter): SQL | undefined {
	return and(
		inSpace(space),
		filter.moduleId === undefined
			? undefined
			: filter.moduleId === null
				? isNull(discussionThreads.moduleId)
				: eq(discussionThreads.moduleId, filter.moduleId),
		filter.itemId ? eq(discussionThreads.itemId, filter.itemId) : undefined
	);
}

/** Pinned first, then by the newest post; with the reader's unread marker. */
export function listThreads(space: SpaceRef, userId: string, filter: ThreadFilter, page: number) {
	const db = getDb();
	const where = filterWhere(space, filter);
	return pageOfQuery(
		db.select({ n: count() }).from(discussionThreads).where(where),
		db
			.select({
				id: discussionThreads.id,
				title: discussionThreads.title,
				moduleId: discussionThreads.moduleId,
				itemId: discussionThreads.itemId,
				pinned: discussionThreads.pinned,
				lockedAt: discussionThreads.lockedAt,
				createdAt: discussionThreads.createdAt,
				lastPostAt: discussionThreads.lastPostAt,
				authorName: users.name,
				authorErased: sql<boolean>`${users.erasedAt} is not null`.mapWith(Boolean),
				replies: sql<number>`(select count(*) - 1 from ${discussionPosts} where ${discussionPosts.threadId} = ${discussionThreads.id})`,
				readAt: discussionReads.readAt
			})
			.from(discussionThreads)
			.innerJoin(users, eq(users.id, discussionThreads.authorId))
			.leftJoin(
				discussionReads,
				and(eq(discussionReads.threadId, discussionThreads.id), eq(discussionReads.userId, userId))
			)
			.where(where)
			.orderBy(
				desc(discussionThreads.pinned),
				desc(discussionThreads.lastPostAt),
				desc(discussionThreads.id)
			),
		page,
		THREADS_PER_PAGE
	);
}

/** Number of threads per section (module ID; '' = Allgemein). */
export function countBySection(space: SpaceRef): Map<string, number> {
	const rows = getDb()
		.select({ moduleId: discussionThreads.moduleId, n: count() })
		.from(discussionThreads)
		.where(inSpace(space))
		.groupBy(discussionThreads.moduleId)
		.all();
	return new Map(rows.map((row) => [row.moduleId ?? '', row.n]));
}

/** A thread of this space; another space's thread is as unknown as a missing one. */
export function getThread(space: SpaceRef, threadId: string): Thread | undefined {
	return getDb()
		.select()
		.from(discussionThreads)
		.where(and(eq(discussionThreads.id, threadId), inSpace(space)))
		.get();
}

export interface NewThread {
	title: string;
	body: string;
	moduleId: string | null;
	itemId: string | null;
	/** Only the demo seed starts a thread pinned; trainers pin through moderation (audited). */
	pinned?: boolean;
	/** Files already stored (storeAttachments); recorded on the opening post. */
	attachments?: StoredAttachment[];
}

export function createThread(
	author: SessionUser,
	ref: SpaceRef,
	input: NewThread,
	now = new Date()
): string {
	const space = toSpace(ref);
	const threadId = generateId();
	getDb().transaction((tx) => {
		tx.insert(discussionThreads)
			.values({
				id: threadId,
				cohortId: space.kind === 'cohort' ? space.cohortId : null,
				moduleId: input.moduleId,
				itemId: input.itemId,
				title: input.title,
				authorId: author.id,
				pinned: input.pinned ?? false,
				createdAt: now,
				lastPostAt: now
			})
			.run();
		if (space.kind === 'alumni')
			tx.insert(alumniThreads).values({ threadId, courseId: space.courseId }).run();
		const postId = generateId();
		tx.insert(discussionPosts)
			.values({ id: postId, threadId, authorId: author.id, body: input.body, createdAt: now })
			.run();
		insertAttachments(tx, postId, author.id, input.attachments ?? [], now);
		markRead(author.id, threadId, now, tx);
		notifyMentions(
			{ space, threadId, threadTitle: input.title, postId, body: input.body },
			author,
			now
		);
	});
	return threadId;
}

export type ReplyResult = { ok: true; postId: string } | { ok: false; reason: 'locked' };

/**
 * A reply to an open thread; its participants are notified in the same transaction. Refused
 * (locked), the stored `attachments` are the caller's to remove.
 */
export function addReply(
	author: SessionUser,
	threadId: string,
	body: string,
	now = new Date(),
	attachments: StoredAttachment[] = []
): ReplyResult {
	return getDb().transaction(
		(tx) => {
			const thread = tx
				.select({
					lockedAt: discussionThreads.lockedAt,
					cohortId: discussionThreads.cohortId,
					title: discussionThreads.title
				})
				.from(discussionThreads)
				.where(eq(discussionThreads.id, threadId))
				.get();
			if (!thread || thread.lockedAt) return { ok: false as const, reason: 'locked' as const };
			const postId = generateId();
			tx.insert(discussionPosts)
				.values({ id: postId, threadId, authorId: author.id, body, createdAt: now })
				.run();
			insertAttachments(tx, postId, author.id, attachments, now);
			tx.update(discussionThreads)
				.set({ lastPostAt: now })
				.where(eq(discussionThreads.id, threadId))
				.run();
			markRead(author.id, threadId, now, tx);
			const space = spaceOfThread({ id: threadId, cohortId: thread.cohortId });
			const mentioned = space
				? notifyMentions({ space, threadId, threadTitle: thread.title, postId, body }, author, now)
				: new Set<string>();
			notifyReply({ threadId, postId, author, body }, now, mentioned);
			return { ok: true as const, postId };
		},
		{ behavior: 'immediate' }
	);
}

export interface PostRow {
	id: string;
	authorId: string;
	authorName: string;
	authorErased: boolean;
	body: string;
	createdAt: Date;
	hiddenAt: Date | null;
	hiddenReason: string | null;
	editedAt: Date | null;
	deletedAt: Date | null;
	/** Added by the page from attachmentsOf(). */
	attachments?: AttachmentView[];
}

const postColumns = {
	id: discussionPosts.id,
	authorId: discussionPosts.authorId,
	authorName: users.name,
	authorErased: sql<boolean>`${users.erasedAt} is not null`.mapWith(Boolean),
	body: discussionPosts.body,
	createdAt: discussionPosts.createdAt,
	hiddenAt: discussionPosts.hiddenAt,
	hiddenReason: discussionPosts.hiddenReason,
	editedAt: discussionPosts.editedAt,
	deletedAt: discussionPosts.deletedAt
};

/** The thread's posts in time order (the opening post first), one page. */
export function listPosts(threadId: string, page: number) {
	const db = getDb();
	const where = eq(discussionPosts.threadId, threadId);
	return pageOfQuery<PostRow>(
		db.select({ n: count() }).from(discussionPosts).where(where),
		db
			.select(postColumns)
			.from(discussionPosts)
			.innerJoin(users, eq(users.id, discussionPosts.authorId))
			.where(where)
			.orderBy(asc(discussionPosts.createdAt), asc(discussionPosts.id)),
		page,
		POSTS_PER_PAGE
	);
}

export function getPost(threadId: string, postId: string) {
	return getDb()
		.select({ id: discussionPosts.id, authorId: discussionPosts.authorId })
		.from(discussionPosts)
		.where(and(eq(discussionPosts.id, postId), eq(discussionPosts.threadId, threadId)))
		.get();
}
