import { getCohort, type Cohort } from './cohorts';
import { getEnrolment } from './enrolment';

/** The cohort a learner takes a course in (with dates and trainers); undefined when self-paced. */
export function getLearnerCohort(userId: string, courseId: string): Cohort | undefined {
	const cohortId = getEnrolment(userId, courseId)?.cohortId;
	return cohortId ? getCohort(cohortId) : undefined;
}
