import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { countsTowardCompletion, type CourseMeta } from '$lib/content/types';
import { getDb } from '../db';
import { completionLatest, enrolments } from '../db/schema';

/**
 * How many required items each learner of the cohort has complete (`CourseProgress.done`),
 * counted by the database: enough to sort the whole matrix by progress and derive only the
 * learners of one page. A required item never counts a completing submit (see countsForItem),
 * so its state is its latest other event, the `submitted = 0` row of completion_latest.
 */
export function countDoneItems(cohortId: string, course: CourseMeta): Map<string, number> {
	const db = getDb();
	const required = course.modules
		.flatMap((module) => module.items)
		.filter(countsTowardCompletion)
		.map((item) => item.id);
	const cohortLearners = db
		.select({ userId: enrolments.userId })
		.from(enrolments)
		.where(eq(enrolments.cohortId, cohortId));
	const rows = db
		.select({ userId: completionLatest.userId, done: count() })
		.from(completionLatest)
		.where(
			and(
				eq(completionLatest.courseId, course.id),
				eq(completionLatest.submitted, false),
				eq(completionLatest.kind, 'completed'),
				inArray(completionLatest.userId, cohortLearners),
				// One parameter instead of one per item: the same SQL text (and cached statement)
				// for every course.
				sql`${completionLatest.itemId} in (select value from json_each(${JSON.stringify(required)}))`
			)
		)
		.groupBy(completionLatest.userId)
		.all();
	return new Map(rows.map((row) => [row.userId, row.done]));
}
