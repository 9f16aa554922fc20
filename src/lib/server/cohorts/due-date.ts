// When a practice assignment is due. Dates are calendar days (YYYY-MM-DD) in Berlin time, as
// cohorts store them.
import { addDays } from './dates';

export interface CohortModuleDates {
	moduleId: string;
	startsOn: string | null;
	assignmentDueOn: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The last day to submit a module's practice assignment: the date the trainer set for the
 * cohort, else the day before the next module starts ("before the next module"). Self-paced
 * learners (no cohort dates) have no due date.
 */
export function assignmentDueOn(
	moduleIds: readonly string[],
	moduleId: string,
	cohortDates: readonly CohortModuleDates[] | null
): string | null {
	if (!cohortDates) return null;
	const own = cohortDates.find((dates) => dates.moduleId === moduleId);
	if (own?.assignmentDueOn && ISO_DAY.test(own.assignmentDueOn)) return own.assignmentDueOn;
	const position = moduleIds.indexOf(moduleId);
	if (position < 0) return null;
	const nextId = moduleIds[position + 1];
	const next = cohortDates.find((dates) => dates.moduleId === nextId);
	return next?.startsOn && ISO_DAY.test(next.startsOn) ? addDays(next.startsOn, -1) : null;
}
