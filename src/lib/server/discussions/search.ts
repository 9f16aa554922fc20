import { and, asc, count, desc, eq, exists, isNull, or, sql, type SQL } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import { markdownExcerpt } from '../assignments/markdown';
import { getDb } from '../db';
import { containsTextAnyCase } from '../db/like';
import { pageOfQuery } from '../db/paging';
import { discussionPosts, discussionThreads } from '../db/schema';
import type { DiscussionRole } from './access';
import { inSpace, type SpaceRef } from './space';
import { THREADS_PER_PAGE } from './threads';

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 100;

/** `?suche=`: none, a term to look for, or a German message why it is not searched. */
export type SearchRequest =
	| { kind: 'none' }
	| { kind: 'term'; term: string }
	| { kind: 'invalid'; value: string; message: string };

/** Repeated `suche` parameters: the first counts, as for every other list filter. */
export function searchParam(params: URLSearchParams): SearchRequest {
	const value = (params.get('suche') ?? '').trim();
	const length = [...value].length;
	if (length === 0) return { kind: 'none' };
	if (length < SEARCH_MIN_LENGTH)
		return { kind: 'invalid', value, message: m.discussions_search_too_short() };
	if (length > SEARCH_MAX_LENGTH)
		return {
			kind: 'invalid',
			value: [...value].slice(0, SEARCH_MAX_LENGTH).join(''),
			message: m.discussions_search_too_long()
		};
	return { kind: 'term', term: value };
}

export interface SearchViewer {
	id: string;
	role: DiscussionRole;
}

/** The same rule as postView: hidden posts only for their author and the moderators. */
function readablePost(viewer: SearchViewer): SQL | undefined {
	if (viewer.role === 'moderator') return undefined;
	return or(isNull(discussionPosts.hiddenAt), eq(discussionPosts.authorId, viewer.id));
}

/** The first post of the thread that the viewer may read and that contains the term. */
function firstHit(term: string, viewer: SearchViewer) {
	return and(
		eq(discussionPosts.threadId, discussionThreads.id),
		readablePost(viewer),
		containsTextAnyCase(discussionPosts.body, term)
	);
}

/** Threads of the space whose title or a readable post contains the term (any case). */
export function searchThreads(space: SpaceRef, viewer: SearchViewer, term: string, page: number) {
	const db = getDb();
	const hit = firstHit(term, viewer);
	const hitPost = (column: typeof discussionPosts.id | typeof discussionPosts.body) =>
		sql<string | null>`(${db
			.select({ value: column })
			.from(discussionPosts)
			.where(hit)
			.orderBy(asc(discussionPosts.createdAt), asc(discussionPosts.id))
			.limit(1)})`;
	const where = and(
		inSpace(space),
		or(
			containsTextAnyCase(discussionThreads.title, term),
			exists(
				db
					.select({ one: sql`1` })
					.from(discussionPosts)
					.where(hit)
			)
		)
	);
	return pageOfQuery(
		db.select({ n: count() }).from(discussionThreads).where(where),
		db
			.select({
				id: discussionThreads.id,
				title: discussionThreads.title,
				moduleId: discussionThreads.moduleId,
				postId: hitPost(discussionPosts.id),
				body: hitPost(discussionPosts.body)
			})
			.from(discussionThreads)
			.where(where)
			.orderBy(desc(discussionThreads.lastPostAt), desc(discussionThreads.id)),
		page,
		THREADS_PER_PAGE
	);
}

const EXCERPT_CONTEXT = 60;

/**
 * A short plain-text piece of a post around the first place the term occurs: Markdown and
 * any HTML reduced to their text, so nothing of the post is rendered in the list.
 */
export function searchExcerpt(markdown: string, term: string): string {
	const text = markdownExcerpt(markdown, Number.POSITIVE_INFINITY)
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const at = Math.max(0, text.toLowerCase().indexOf(term.toLowerCase()));
	const start = Math.max(0, at - EXCERPT_CONTEXT);
	const end = Math.min(text.length, at + term.length + EXCERPT_CONTEXT);
	return `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
}
