import { and, eq, isNull, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { ShareState, SharedSubmissionView } from '$lib/shared-submission';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/session';
import { findSubmission } from '../assignments/submissions';
import { renderUserMarkdown } from '../assignments/markdown';
import { getAssignment, getItem } from '../content';
import { getDb } from '../db';
import { sharedSubmissions, users } from '../db/schema';
import { discussionRoleOf, type DiscussionRole } from './access';
import { threadUrl } from './links';
import { cohortSpace, threadSpaceDetails } from './space';
import { createThread, type Thread } from './threads';
import { authorLabel } from './views';

// A learner shares their Praxisaufgabe (or an edited excerpt) with their cohort for kollegiale
// Beratung. The text is a snapshot: later edits of the submission do not change it, and
// withdrawing the share deletes it. Files are never shared.

export type ShareRefusal = 'no_submission' | 'not_member' | 'empty' | 'already_shared';

interface Shareable {
	id: string;
	cohortId: string;
	text: string;
}

/**
 * The learner's own submission for the Praxisaufgabe, if they may share it: it has text, and
 * the cohort it belongs to is still theirs (leaving a cohort ends sharing with it).
 */
export function shareableSubmission(
	user: SessionUser,
	itemId: string
): { ok: true; submission: Shareable } | { ok: false; reason: ShareRefusal } {
	const submission = findSubmission(user.id, itemId);
	if (!submission) return { ok: false, reason: 'no_submission' };
	const cohortId = submission.cohortId;
	if (!cohortId || discussionRoleOf(user, cohortId) !== 'member') {
		return { ok: false, reason: 'not_member' };
	}
	const text = submission.draftText.trim();
	if (!text) return { ok: false, reason: 'empty' };
	return { ok: true, submission: { id: submission.id, cohortId, text } };
}

function liveShare(submissionId: string) {
	return getDb()
		.select({ threadId: sharedSubmissions.threadId })
		.from(sharedSubmissions)
		.where(
			and(eq(sharedSubmissions.submissionId, submissionId), isNull(sharedSubmissions.revokedAt))
		)
		.get();
}

export interface ShareInput {
	/** The whole text, or the learner's edited excerpt. */
	text: string;
	excerpt: boolean;
	/** The opening post: the learner's question to the group ('' for the default line). */
	question: string;
}

/**
 * Starts a thread in the submission's cohort, linked to the Praxisaufgabe, with the snapshot on
 * top and the question as its opening post (mentions in it are notified as in any thread).
 */
export function shareSubmission(
	user: SessionUser,
	itemId: string,
	input: ShareInput,
	now = new Date()
): { ok: true; threadUrl: string } | { ok: false; reason: ShareRefusal } {
	const item = getAssignment(itemId);
	if (!item) return { ok: false, reason: 'no_submission' };
	return getDb().transaction(
		(tx) => {
			const found = shareableSubmission(user, itemId);
			if (!found.ok) return found;
			const { submission } = found;
			if (liveShare(submission.id))
				return { ok: false as const, reason: 'already_shared' as const };
			const space = cohortSpace(submission.cohortId);
			const threadId = createThread(
				user,
				space,
				{
					title: m.shared_submission_thread_title({ task: item.title }),
					body: input.question || m.shared_submission_default_question(),
					moduleId: item.moduleId,
					itemId: item.id
				},
				now
			);
			tx.insert(sharedSubmissions)
				.values({
					threadId,
					submissionId: submission.id,
					authorId: user.id,
					text: input.text,
					excerpt: input.excerpt,
					sharedAt: now
				})
				.run();
			return { ok: true as const, threadUrl: threadUrl(space, threadId) };
		},
		{ behavior: 'immediate' }
	);
}

const revokePath = (threadPath: string) => `${threadPath}/freigabe`;

/** What the learner's submission page offers: share, or open and withdraw the live share. */
export function shareStateOf(user: SessionUser, itemId: string, shareUrl: string): ShareState {
	const found = shareableSubmission(user, itemId);
	if (!found.ok) return { kind: 'unavailable' };
	const live = liveShare(found.submission.id);
	if (!live) return { kind: 'available', shareUrl };
	const url = threadUrl(cohortSpace(found.submission.cohortId), live.threadId);
	return { kind: 'shared', threadUrl: url, revokeUrl: revokePath(url) };
}

function shareOfThread(threadId: string) {
	return getDb()
		.select({
			authorId: sharedSubmissions.authorId,
			authorName: users.name,
			authorErased: sql<boolean>`${users.erasedAt} is not null`.mapWith(Boolean),
			text: sharedSubmissions.text,
			excerpt: sharedSubmissions.excerpt,
			sharedAt: sharedSubmissions.sharedAt,
			revokedAt: sharedSubmissions.revokedAt
		})
		.from(sharedSubmissions)
		.innerJoin(users, eq(users.id, sharedSubmissions.authorId))
		.where(eq(sharedSubmissions.threadId, threadId))
		.get();
}

const mayRevoke = (share: { authorId: string }, viewer: SessionUser, role: DiscussionRole) =>
	share.authorId === viewer.id || role === 'moderator';

/** The shared block of a thread (null: the thread shares nothing); the caller checked access. */
export function sharedSubmissionView(
	thread: Pick<Thread, 'id' | 'cohortId' | 'itemId'>,
	viewer: SessionUser,
	role: DiscussionRole
): SharedSubmissionView | null {
	const share = shareOfThread(thread.id);
	if (!share) return null;
	const live = share.revokedAt === null && share.text !== null;
	const path = thread.cohortId ? threadUrl(cohortSpace(thread.cohortId), thread.id) : null;
	return {
		authorName: authorLabel(share),
		taskTitle: (thread.itemId && getItem(thread.itemId)?.title) || '',
		sharedAt: share.sharedAt,
		html: live ? renderUserMarkdown(share.text ?? '') : null,
		excerpt: share.excerpt,
		revokeUrl: live && path && mayRevoke(share, viewer, role) ? revokePath(path) : null
	};
}

export type RevokeRefusal = 'not_found' | 'not_allowed';

/**
 * Withdraws a live share: its text is deleted, the thread and its replies stay. The author
 * may, and so may the space's moderators (then audited, as moderation).
 */
export function revokeSharedSubmission(
	actor: SessionUser,
	thread: Thread,
	role: DiscussionRole,
	now = new Date()
): { ok: true } | { ok: false; reason: RevokeRefusal } {
	return getDb().transaction(
		(tx) => {
			const share = shareOfThread(thread.id);
			if (!share || share.revokedAt !== null)
				return { ok: false as const, reason: 'not_found' as const };
			if (!mayRevoke(share, actor, role))
				return { ok: false as const, reason: 'not_allowed' as const };
			tx.update(sharedSubmissions)
				.set({ text: null, revokedAt: now })
				.where(eq(sharedSubmissions.threadId, thread.id))
				.run();
			if (share.authorId !== actor.id) {
				recordAudit(
					{
						actorId: actor.id,
						action: 'discussion.share_revoked',
						objectType: 'discussion_thread',
						objectId: thread.id,
						subjectUserId: share.authorId,
						details: threadSpaceDetails(thread)
					},
					tx
				);
			}
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * The withdrawal page asks this first: a live share this person may withdraw, one that is gone
 * (withdrawn meanwhile, or never there), or someone else's (then the page is a 404).
 */
export function shareRevocability(
	thread: Thread,
	viewer: SessionUser,
	role: DiscussionRole
): 'revocable' | 'gone' | 'not_allowed' {
	const share = shareOfThread(thread.id);
	if (!share || share.revokedAt !== null) return 'gone';
	return mayRevoke(share, viewer, role) ? 'revocable' : 'not_allowed';
}
