// Pure date helpers. Dates are calendar days (YYYY-MM-DD) in Berlin time, as cohorts store them.

export interface CohortModuleDates {
	moduleId: string;
	startsOn: string | null;
	assignmentDueOn: string | null;
}

const DAY = 24 * 60 * 60 * 1000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function previousDay(day: string): string {
	return fromUtc(toUtc(day) - DAY);
}

/** Whole days from `from` to `to` (negative when `to` lies in the past). */
export function daysBetween(from: string, to: string): number {
	return Math.round((toUtc(to) - toUtc(from)) / DAY);
}

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
	return next?.startsOn && ISO_DAY.test(next.startsOn) ? previousDay(next.startsOn) : null;
}
