import { and, eq, isNotNull, type SQL } from 'drizzle-orm';
import { assignmentUrl } from '$lib/urls';
import { getCourse } from '../content';
import { getDb } from '../db';
import { cohortModules, enrolments, submissions } from '../db/schema';
import { notify } from '../notifications';
import { daysBetween } from '../cohorts/dates';
import { assignmentDueOn, type CohortModuleDates } from '../cohorts/due-date';
import { berlinDay } from '$lib/berlin-day';

export const REMINDER_DAYS = 3;

export function cohortModuleDates(cohortId: string): CohortModuleDates[] {
	return getDb()
		.select({
			moduleId: cohortModules.moduleId,
			startsOn: cohortModules.startsOn,
			assignmentDueOn: cohortModules.assignmentDueOn
		})
		.from(cohortModules)
		.where(eq(cohortModules.cohortId, cohortId))
		.all();
}

/** The due date of an assignment for a learner in a cohort (null: self-paced, or no date). */
export function dueDateFor(
	item: { courseId: string; moduleId: string },
	cohortId: string | null
): string | null {
	const course = getCourse(item.courseId);
	if (!course || !cohortId) return null;
	const moduleIds = course.modules.map((module) => module.id);
	return assignmentDueOn(moduleIds, item.moduleId, cohortModuleDates(cohortId));
}

/**
 * Reminds cohort learners of assignments due within the next three days that they have not
 * submitted yet. Safe to run often (page loads, a timer): the dedupe key allows one reminder
 * per learner, assignment and due date. Pass a user ID to check only that learner.
 */
export function createDueReminders(now: Date, userId?: string): number {
	const db = getDb();
	const conditions: SQL[] = [isNotNull(enrolments.cohortId)];
	if (userId) conditions.push(eq(enrolments.userId, userId));
	const rows = db
		.select({
			userId: enrolments.userId,
			courseId: enrolments.courseId,
			cohortId: enrolments.cohortId
		})
		.from(enrolments)
		.where(and(...conditions))
		.all();
	const today = berlinDay(now);
	const datesByCohort = new Map<string, CohortModuleDates[]>();
	let created = 0;
	for (const row of rows) {
		const course = getCourse(row.courseId);
		if (!course || !row.cohortId) continue;
		if (!datesByCohort.has(row.cohortId))
			datesByCohort.set(row.cohortId, cohortModuleDates(row.cohortId));
		const dates = datesByCohort.get(row.cohortId)!;
		const moduleIds = course.modules.map((module) => module.id);
		for (const module of course.modules) {
			for (const item of module.items) {
				if (item.type !== 'assignment') continue;
				const dueOn = assignmentDueOn(moduleIds, module.id, dates);
				if (!dueOn) continue;
				const days = daysBetween(today, dueOn);
				if (days < 0 || days > REMINDER_DAYS) continue;
				const status = db
					.select({ status: submissions.status })
					.from(submissions)
					.where(and(eq(submissions.userId, row.userId), eq(submissions.itemId, item.id)))
					.get()?.status;
				if (status === 'submitted' || status === 'accepted') continue;
				const fresh = notify({
					userId: row.userId,
					kind: 'assignment_due',
					data: { itemId: item.id, itemTitle: item.title, dueOn },
					link: assignmentUrl(item.id),
					dedupeKey: `due:${row.userId}:${item.id}:${dueOn}`
				});
				if (fresh) created += 1;
			}
		}
	}
	return created;
}
