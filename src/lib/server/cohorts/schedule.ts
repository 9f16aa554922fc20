import { getCourse } from '../content';
import { attendedAllDays, listCohortDays } from './attendance';
import { getCohort, type Cohort } from './cohorts';
import { addDays } from './dates';
import { getEnrolment } from './enrolment';

/** The cohort a learner takes a course in (with dates and trainers); undefined when self-paced. */
export function getLearnerCohort(userId: string, courseId: string): Cohort | undefined {
	const cohortId = getEnrolment(userId, courseId)?.cohortId;
	return cohortId ? getCohort(cohortId) : undefined;
}

/**
 * When a module's practice assignment is due in a cohort: the date the trainer set, else the
 * day before the next dated module begins; null when neither is known (or self-paced).
 */
export function assignmentDueDate(
	modules: { moduleId: string; startsOn: string | null; assignmentDueOn: string | null }[],
	moduleId: string
): string | null {
	const index = modules.findIndex((module) => module.moduleId === moduleId);
	if (index < 0) return null;
	if (modules[index]!.assignmentDueOn) return modules[index]!.assignmentDueOn;
	const next = modules.slice(index + 1).find((module) => module.startsOn);
	return next?.startsOn ? addDays(next.startsOn, -1) : null;
}

/**
 * Whether attendance stands between a learner and completing the course: only for courses with
 * `attendanceRequired` taken in a cohort, where every module day must be recorded as present.
 */
export function meetsAttendanceRequirement(userId: string, courseId: string): boolean {
	if (!getCourse(courseId)?.attendanceRequired) return true;
	const cohort = getLearnerCohort(userId, courseId);
	if (!cohort) return true;
	return attendedAllDays(cohort.id, userId, listCohortDays(cohort.modules));
}
