import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { markdownExcerpt } from '../assignments/markdown';
import { getDb } from '../db';
import { discussionPosts, discussionThreads, users } from '../db/schema';
import { notify } from '../notifications';
import { postUrl } from './links';
import { replyNoticeKey } from './notice-keys';
import { spaceOfThread, spaceRoleOf } from './space';

/**
 * Tells everyone who started or replied in the thread (not the new post's author) about the
 * reply, if they still belong to its space. Call inside the reply's transaction. People the
 * reply mentions (`alreadyTold`) got a mention notice instead.
 */
export function notifyReply(
	reply: { threadId: string; postId: string; author: SessionUser; body: string },
	now: Date,
	alreadyTold: Set<string> = new Set()
): void {
	const db = getDb();
	const thread = db
		.select({
			id: discussionThreads.id,
			cohortId: discussionThreads.cohortId,
			title: discussionThreads.title
		})
		.from(discussionThreads)
		.where(eq(discussionThreads.id, reply.threadId))
		.get();
	const space = thread && spaceOfThread(thread);
	if (!thread || !space) return;
	const authorIds = db
		.selectDistinct({ id: discussionPosts.authorId })
		.from(discussionPosts)
		.where(eq(discussionPosts.threadId, reply.threadId))
		.all()
		.map((row) => row.id)
		.filter((id) => id !== reply.author.id && !alreadyTold.has(id));
	if (!authorIds.length) return;
	const people = db
		.select({ id: users.id, role: users.role })
		.from(users)
		.where(and(inArray(users.id, authorIds), eq(users.active, true), isNull(users.erasedAt)))
		.all();
	for (const person of people) {
		if (!spaceRoleOf(person, space)) continue;
		notify(
			{
				userId: person.id,
				kind: 'discussion_reply',
				// learnerName: erasing an account removes notices that name the person (erase.ts).
				data: {
					itemTitle: thread.title,
					learnerName: reply.author.name,
					excerpt: markdownExcerpt(reply.body)
				},
				link: postUrl(space, reply.threadId, reply.postId),
				dedupeKey: `${replyNoticeKey(reply.postId)}${person.id}`
			},
			now
		);
	}
}
