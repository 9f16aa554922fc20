import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/session';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { pageOfQuery } from '../db/paging';
import { discussionPosts, discussionReports, discussionThreads, users } from '../db/schema';
import { inSpace, spaceDetails, threadSpaceDetails, type SpaceRef } from './space';
import type { Thread } from './threads';

export type ReportResult = { ok: true } | { ok: false; reason: 'own' | 'already' };

/** A member tells the trainers about a post (once per post); audited. */
export function reportPost(
	reporter: SessionUser,
	thread: Thread,
	post: { id: string; authorId: string },
	reason: string,
	now = new Date()
): ReportResult {
	if (post.authorId === reporter.id) return { ok: false, reason: 'own' };
	return getDb().transaction((tx) => {
		const inserted = tx
			.insert(discussionReports)
			.values({
				id: generateId(),
				postId: post.id,
				reporterId: reporter.id,
				reason,
				createdAt: now
			})
			.onConflictDoNothing()
			.run();
		if (inserted.changes === 0) return { ok: false as const, reason: 'already' as const };
		recordAudit(
			{
				actorId: reporter.id,
				action: 'discussion.reported',
				objectType: 'discussion_post',
				objectId: post.id,
				subjectUserId: post.authorId,
				details: { ...threadSpaceDetails(thread), threadId: thread.id, reason }
			},
			tx
		);
		return { ok: true as const };
	});
}

const openIn = (space: SpaceRef) => and(inSpace(space), isNull(discussionReports.resolvedAt));

export const REPORTS_PER_PAGE = 50;

const countOpen = (space: SpaceRef) =>
	getDb()
		.select({ n: count() })
		.from(discussionReports)
		.innerJoin(discussionPosts, eq(discussionPosts.id, discussionReports.postId))
		.innerJoin(discussionThreads, eq(discussionThreads.id, discussionPosts.threadId))
		.where(openIn(space));

export function countOpenReports(space: SpaceRef): number {
	return countOpen(space).get()?.n ?? 0;
}

const reporters = alias(users, 'reporters');
const authors = alias(users, 'authors');

/** The space's unresolved reports, oldest first, with the post they are about; one page. */
export function listOpenReports(space: SpaceRef, page = 1) {
	const rows = getDb()
		.select({
			id: discussionReports.id,
			reason: discussionReports.reason,
			createdAt: discussionReports.createdAt,
			reporterName: reporters.name,
			postId: discussionPosts.id,
			postBody: discussionPosts.body,
			postAuthorName: authors.name,
			threadId: discussionThreads.id,
			threadTitle: discussionThreads.title
		})
		.from(discussionReports)
		.innerJoin(discussionPosts, eq(discussionPosts.id, discussionReports.postId))
		.innerJoin(discussionThreads, eq(discussionThreads.id, discussionPosts.threadId))
		.innerJoin(reporters, eq(reporters.id, discussionReports.reporterId))
		.innerJoin(authors, eq(authors.id, discussionPosts.authorId))
		.where(openIn(space))
		.orderBy(asc(discussionReports.createdAt), asc(discussionReports.id));
	return pageOfQuery(countOpen(space), rows, page, REPORTS_PER_PAGE);
}

/** Settles an open report of this space; false for an unknown or foreign one. */
export function resolveReport(
	actor: SessionUser,
	space: SpaceRef,
	reportId: string,
	now = new Date()
): boolean {
	return getDb().transaction((tx) => {
		const report = tx
			.select({ id: discussionReports.id, postId: discussionReports.postId })
			.from(discussionReports)
			.innerJoin(discussionPosts, eq(discussionPosts.id, discussionReports.postId))
			.innerJoin(discussionThreads, eq(discussionThreads.id, discussionPosts.threadId))
			.where(and(eq(discussionReports.id, reportId), openIn(space)))
			.get();
		if (!report) return false;
		tx.update(discussionReports)
			.set({ resolvedAt: now })
			.where(eq(discussionReports.id, report.id))
			.run();
		recordAudit(
			{
				actorId: actor.id,
				action: 'discussion.report_resolved',
				objectType: 'discussion_report',
				objectId: report.id,
				details: { ...spaceDetails(space), postId: report.postId }
			},
			tx
		);
		return true;
	});
}
