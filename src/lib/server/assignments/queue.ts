import { and, asc, count, eq, inArray, ne, or, isNull, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { listManagedCohorts } from '../cohorts/access';
import { getDb } from '../db';
import { startsWithText } from '../db/like';
import { cohorts, submissions, users } from '../db/schema';
import type { SubmissionStatus } from '$lib/submission-status';
import { pageOfQuery } from '../db/paging';

export const QUEUE_PER_PAGE = 20;
export const queueStatuses = ['submitted', 'revision_requested', 'accepted'] as const;
export type QueueStatus = (typeof queueStatuses)[number];

export interface QueueFilter {
	cohortId?: string;
	moduleId?: string;
	status: QueueStatus;
	page: number;
}

export interface QueueRow {
	id: string;
	itemId: string;
	learnerName: string;
	cohortName: string | null;
	status: SubmissionStatus;
	updatedAt: Date;
}

/**
 * Submissions a trainer may review, oldest first: those of their cohorts. Admins also see
 * self-paced learners' work (no cohort).
 */
export function listReviewQueue(user: SessionUser, filter: QueueFilter) {
	const managed = listManagedCohorts(user).map((cohort) => cohort.id);
	const conditions: (SQL | undefined)[] = [
		ne(submissions.status, 'draft'),
		eq(submissions.status, filter.status)
	];
	if (filter.cohortId) {
		if (!managed.includes(filter.cohortId)) return { rows: [], total: 0, page: 1, pages: 1 };
		conditions.push(eq(submissions.cohortId, filter.cohortId));
	} else if (user.role === 'admin') {
		conditions.push(or(isNull(submissions.cohortId), inArray(submissions.cohortId, managed)));
	} else {
		if (managed.length === 0) return { rows: [], total: 0, page: 1, pages: 1 };
		conditions.push(inArray(submissions.cohortId, managed));
	}
	if (filter.moduleId) conditions.push(startsWithText(submissions.itemId, `${filter.moduleId}/`));
	const where = and(...conditions);
	const db = getDb();
	return pageOfQuery<QueueRow>(
		db.select({ n: count() }).from(submissions).where(where),
		db
			.select({
				id: submissions.id,
				itemId: submissions.itemId,
				learnerName: users.name,
				cohortName: cohorts.name,
				status: submissions.status,
				updatedAt: submissions.updatedAt
			})
			.from(submissions)
			.innerJoin(users, eq(users.id, submissions.userId))
			.leftJoin(cohorts, eq(cohorts.id, submissions.cohortId))
			.where(where)
			.orderBy(asc(submissions.updatedAt), asc(submissions.id)),
		filter.page,
		QUEUE_PER_PAGE
	);
}
