import { and, asc, count, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db';
import {
	discussionAttachments,
	discussionPosts,
	discussionReports,
	discussionThreads
} from '../db/schema';
import { removeAttachmentFiles, storedNamesOfPosts } from './attachments';
import { retractUnreadNotices } from '../notifications';
import { notifyMentions } from './mentions';
import { caseNoticeKey, mentionNoticeKey, replyNoticeKey } from './notice-keys';
import { spaceOfThread, threadSpaceDetails } from './space';
import type { Thread } from './threads';

// What authors do to their own posts. Nobody else may: moderators hide, they never rewrite.
// Where moderation is involved (the post is hidden or reported), the step is audited.

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

export type AuthorRefusal = 'not_found' | 'not_author' | 'deleted' | 'locked';

interface OwnPost {
	id: string;
	createdAt: Date;
	hiddenAt: Date | null;
}

function ownPost(
	tx: Tx,
	author: SessionUser,
	threadId: string,
	postId: string
): { post: OwnPost } | { refusal: AuthorRefusal } {
	const post = tx
		.select({
			id: discussionPosts.id,
			authorId: discussionPosts.authorId,
			createdAt: discussionPosts.createdAt,
			hiddenAt: discussionPosts.hiddenAt,
			deletedAt: discussionPosts.deletedAt
		})
		.from(discussionPosts)
		.where(and(eq(discussionPosts.id, postId), eq(discussionPosts.threadId, threadId)))
		.get();
	if (!post) return { refusal: 'not_found' };
	if (post.authorId !== author.id) return { refusal: 'not_author' };
	if (post.deletedAt) return { refusal: 'deleted' };
	return { post };
}

function openReports(tx: Tx, postId: string): number {
	return (
		tx
			.select({ n: count() })
			.from(discussionReports)
			.where(and(eq(discussionReports.postId, postId), isNull(discussionReports.resolvedAt)))
			.get()?.n ?? 0
	);
}

function auditIfModerated(
	tx: Tx,
	author: SessionUser,
	thread: Thread,
	post: { id: string; hiddenAt: Date | null },
	action: 'discussion.post_edited' | 'discussion.post_deleted'
) {
	const reports = openReports(tx, post.id);
	if (!post.hiddenAt && reports === 0) return;
	recordAudit(
		{
			actorId: author.id,
			action,
			objectType: 'discussion_post',
			objectId: post.id,
			subjectUserId: author.id,
			details: {
				...threadSpaceDetails(thread),
				threadId: thread.id,
				hidden: post.hiddenAt !== null,
				openReports: reports
			}
		},
		tx
	);
}

/** The author changes their text; the post shows "bearbeitet" with the time. */
export function editPost(
	author: SessionUser,
	thread: Thread,
	postId: string,
	body: string,
	now = new Date()
): { ok: true } | { ok: false; reason: AuthorRefusal } {
	return getDb().transaction((tx) => {
		const found = ownPost(tx, author, thread.id, postId);
		if ('refusal' in found) return { ok: false as const, reason: found.refusal };
		if (thread.lockedAt) return { ok: false as const, reason: 'locked' as const };
		auditIfModerated(tx, author, thread, found.post, 'discussion.post_edited');
		tx.update(discussionPosts)
			.set({ body, editedAt: now })
			.where(eq(discussionPosts.id, postId))
			.run();
		// Someone named for the first time in the edit hears of it; the others were told already.
		const space = spaceOfThread(thread);
		if (space)
			notifyMentions(
				{ space, threadId: thread.id, threadTitle: thread.title, postId, body },
				author,
				now
			);
		return { ok: true as const };
	});
}

/**
 * What became of a deleted post: answered ones (later posts exist) leave a "Beitrag gelöscht"
 * placeholder so the conversation still reads in order; others go, and an unanswered opening
 * post takes its thread with it.
 */
export type DeleteOutcome = 'placeholder' | 'removed' | 'thread_removed';

export function deletePost(
	author: SessionUser,
	thread: Thread,
	postId: string,
	now = new Date()
): { ok: true; outcome: DeleteOutcome; files: string[] } | { ok: false; reason: AuthorRefusal } {
	return getDb().transaction(
		(tx) => {
			const found = ownPost(tx, author, thread.id, postId);
			if ('refusal' in found) return { ok: false as const, reason: found.refusal };
			const { post } = found;
			// The post's files go in every outcome: with its row, or before the placeholder stays.
			const files = storedNamesOfPosts(tx, [post.id]);
			// So do the notices nobody has read yet, which quote its text.
			retractUnreadNotices(replyNoticeKey(post.id), mentionNoticeKey(post.id));
			auditIfModerated(tx, author, thread, post, 'discussion.post_deleted');
			const answered = tx
				.select({ id: discussionPosts.id })
				.from(discussionPosts)
				.where(
					and(
						eq(discussionPosts.threadId, thread.id),
						or(
							gt(discussionPosts.createdAt, post.createdAt),
							and(eq(discussionPosts.createdAt, post.createdAt), gt(discussionPosts.id, post.id))
						)
					)
				)
				.limit(1)
				.get();
			if (answered) {
				tx.update(discussionPosts)
					.set({ body: '', deletedAt: now })
					.where(eq(discussionPosts.id, post.id))
					.run();
				tx.update(discussionReports)
					.set({ resolvedAt: now })
					.where(and(eq(discussionReports.postId, post.id), isNull(discussionReports.resolvedAt)))
					.run();
				tx.delete(discussionAttachments).where(eq(discussionAttachments.postId, post.id)).run();
				return { ok: true as const, outcome: 'placeholder' as const, files };
			}
			const first = tx
				.select({ id: discussionPosts.id })
				.from(discussionPosts)
				.where(eq(discussionPosts.threadId, thread.id))
				.orderBy(asc(discussionPosts.createdAt), asc(discussionPosts.id))
				.limit(1)
				.get();
			if (first?.id === post.id) {
				tx.delete(discussionThreads).where(eq(discussionThreads.id, thread.id)).run();
				retractUnreadNotices(caseNoticeKey(thread.id));
				return { ok: true as const, outcome: 'thread_removed' as const, files };
			}
			tx.delete(discussionPosts).where(eq(discussionPosts.id, post.id)).run();
			const newest = tx
				.select({ createdAt: discussionPosts.createdAt })
				.from(discussionPosts)
				.where(eq(discussionPosts.threadId, thread.id))
				.orderBy(desc(discussionPosts.createdAt))
				.limit(1)
				.get();
			if (newest) {
				tx.update(discussionThreads)
					.set({ lastPostAt: newest.createdAt })
					.where(eq(discussionThreads.id, thread.id))
					.run();
			}
			return { ok: true as const, outcome: 'removed' as const, files };
		},
		{ behavior: 'immediate' }
	);
}

/** Deletes the post as deletePost does, then its files on disk. */
export async function deletePostAndFiles(
	author: SessionUser,
	thread: Thread,
	postId: string,
	now = new Date()
) {
	const result = deletePost(author, thread, postId, now);
	if (result.ok) await removeAttachmentFiles(result.files);
	return result;
}

/** The raw text of the viewer's own, undeleted post, for the edit form. */
export function ownPostBody(authorId: string, threadId: string, postId: string): string | null {
	const post = getDb()
		.select({ body: discussionPosts.body })
		.from(discussionPosts)
		.where(
			and(
				eq(discussionPosts.id, postId),
				eq(discussionPosts.threadId, threadId),
				eq(discussionPosts.authorId, authorId),
				isNull(discussionPosts.deletedAt)
			)
		)
		.get();
	return post?.body ?? null;
}
