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

/**
 * Per learner of the list: complete required items per module (by the module's index in the
 * course), counted as countDoneItems counts; learners with none are missing. The cohort summary
 * needs these counts for everyone, not each item's events.
 */
export function countDoneItemsPerModule(
	course: CourseMeta,
	learnerIds: readonly string[]
): Map<string, number[]> {
	const moduleOf = Object.fromEntries(
		course.modules.flatMap((module, index) =>
			module.items.filter(countsTowardCompletion).map((item) => [item.id, index])
		)
	);
	// Materialised, so SQLite indexes the item → module pairs instead of scanning them per row.
	const rows = getDb().all<{ userId: string; module: number; done: number }>(sql`
		with required (item_id, module) as materialized (
			select key, value from json_each(${JSON.stringify(moduleOf)})
		)
		select latest.user_id as userId, required.module as module, count(*) as done
		from ${completionLatest} as latest
		join required on required.item_id = latest.item_id
		where latest.course_id = ${course.id}
			and latest.submitted = 0
			and latest.kind = 'completed'
			and latest.user_id in (select value from json_each(${JSON.stringify(learnerIds)}))
		group by latest.user_id, required.module
	`);
	const counts = new Map<string, number[]>();
	for (const { userId, module, done } of rows) {
		let own = counts.get(userId);
		if (!own) counts.set(userId, (own = course.modules.map(() => 0)));
		own[module] = done;
	}
	return counts;
}
