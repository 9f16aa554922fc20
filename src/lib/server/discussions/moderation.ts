import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit, type AuditAction } from '../audit';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db';
import { discussionPosts, discussionReports, discussionThreads } from '../db/schema';
import { threadSpaceDetails } from './space';
import type { Thread } from './threads';

// What the space's trainers (and admins) do to keep the Austausch in order; routes check the
// moderator role first. Every step is written to the audit log in the same transaction.

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

function audited(
	actor: SessionUser,
	action: AuditAction,
	thread: Thread,
	change: (tx: Tx) => void,
	extra: { objectType?: string; objectId?: string; subjectUserId?: string; details?: object } = {}
) {
	getDb().transaction((tx) => {
		change(tx);
		recordAudit(
			{
				actorId: actor.id,
				action,
				objectType: extra.objectType ?? 'discussion_thread',
				objectId: extra.objectId ?? thread.id,
				subjectUserId: extra.subjectUserId ?? null,
				details: { ...threadSpaceDetails(thread), ...extra.details }
			},
			tx
		);
	});
}

export function setPinned(actor: SessionUser, thread: Thread, pinned: boolean): void {
	audited(actor, pinned ? 'discussion.pinned' : 'discussion.unpinned', thread, (tx) =>
		tx.update(discussionThreads).set({ pinned }).where(eq(discussionThreads.id, thread.id)).run()
	);
}

export function setLocked(actor: SessionUser, thread: Thread, locked: boolean, now = new Date()) {
	audited(actor, locked ? 'discussion.locked' : 'discussion.unlocked', thread, (tx) =>
		tx
			.update(discussionThreads)
			.set({ lockedAt: locked ? now : null })
			.where(eq(discussionThreads.id, thread.id))
			.run()
	);
}

/** Into another section (module ID, or null = Allgemein); a lesson link outside it goes. */
export function moveThread(
	actor: SessionUser,
	thread: Thread,
	moduleId: string | null,
	itemStillFits: boolean
): void {
	audited(
		actor,
		'discussion.moved',
		thread,
		(tx) =>
			tx
				.update(discussionThreads)
				.set({ moduleId, itemId: itemStillFits ? thread.itemId : null })
				.where(eq(discussionThreads.id, thread.id))
				.run(),
		{ details: { from: thread.moduleId, to: moduleId } }
	);
}

type PostRef = { id: string; authorId: string };

/** Hides a post with a reason for its author; open reports about it are settled with it. */
export function hidePost(
	actor: SessionUser,
	thread: Thread,
	post: PostRef,
	reason: string,
	now = new Date()
): void {
	audited(
		actor,
		'discussion.post_hidden',
		thread,
		(tx) => {
			tx.update(discussionPosts)
				.set({ hiddenAt: now, hiddenReason: reason })
				.where(eq(discussionPosts.id, post.id))
				.run();
			tx.update(discussionReports)
				.set({ resolvedAt: now })
				.where(and(eq(discussionReports.postId, post.id), isNull(discussionReports.resolvedAt)))
				.run();
		},
		{
			objectType: 'discussion_post',
			objectId: post.id,
			subjectUserId: post.authorId,
			details: { threadId: thread.id, reason }
		}
	);
}

export function showPost(actor: SessionUser, thread: Thread, post: PostRef): void {
	audited(
		actor,
		'discussion.post_shown',
		thread,
		(tx) =>
			tx
				.update(discussionPosts)
				.set({ hiddenAt: null, hiddenReason: null })
				.where(eq(discussionPosts.id, post.id))
				.run(),
		{
			objectType: 'discussion_post',
			objectId: post.id,
			subjectUserId: post.authorId,
			details: { threadId: thread.id }
		}
	);
}
