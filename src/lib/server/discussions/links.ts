import { and, count, eq, lt, or } from 'drizzle-orm';
import { getDb } from '../db';
import { discussionPosts } from '../db/schema';
import { spaceUrl, type SpaceRef } from './space';

export const POSTS_PER_PAGE = 25;

export const discussionUrl = (cohortId: string) => `/austausch/${cohortId}`;
/** "Fragen zu dieser Lektion/Aufgabe": the cohort's threads about one item. */
export const itemThreadsUrl = (cohortId: string, itemId: string) =>
	`${discussionUrl(cohortId)}?${new URLSearchParams({ eintrag: itemId })}`;
export const threadUrl = (space: SpaceRef, threadId: string) => `${spaceUrl(space)}/${threadId}`;

/** The page of the thread a post is on (for links to it). */
export function pageOfPost(threadId: string, postId: string): number {
	const db = getDb();
	const post = db
		.select({ createdAt: discussionPosts.createdAt })
		.from(discussionPosts)
		.where(eq(discussionPosts.id, postId))
		.get();
	if (!post) return 1;
	const before =
		db
			.select({ n: count() })
			.from(discussionPosts)
			.where(
				and(
					eq(discussionPosts.threadId, threadId),
					or(
						lt(discussionPosts.createdAt, post.createdAt),
						and(eq(discussionPosts.createdAt, post.createdAt), lt(discussionPosts.id, postId))
					)
				)
			)
			.get()?.n ?? 0;
	return Math.floor(before / POSTS_PER_PAGE) + 1;
}

/** A post on its page of the thread. */
export function postUrl(space: SpaceRef, threadId: string, postId: string): string {
	const page = pageOfPost(threadId, postId);
	return `${threadUrl(space, threadId)}${page > 1 ? `?seite=${page}` : ''}#beitrag-${postId}`;
}
