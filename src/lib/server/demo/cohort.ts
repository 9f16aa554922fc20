import { eq } from 'drizzle-orm';
import { createCohort } from '../cohorts/cohorts';
import { addDays, nextMonday } from '../cohorts/dates';
import { enrol } from '../cohorts/enrolment';
import { getCourse } from '../content';
import { getDb } from '../db';
import { users } from '../db/schema';
import { berlinDay } from '$lib/berlin-day';

export const DEMO_COURSE_ID = 'interkulturelle-oeffnung';
export const DEMO_COHORT_NAME = 'IKBO Berlin (Demo)';

const userId = (email: string) =>
	getDb().select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id;

/**
 * A running IKBO cohort: the demo trainer leads it, the demo learner takes part, and its
 * modules meet every three weeks from next Monday in Berlin-Mitte.
 */
export function seedDemoCohort(today = berlinDay()): string | null {
	const course = getCourse(DEMO_COURSE_ID);
	const trainerId = userId('trainerin@example.org');
	const learnerId = userId('lernende@example.org');
	if (!course || !trainerId || !learnerId) return null;
	const first = nextMonday(today);
	const modules = course.modules.map((module, index) => {
		const day = addDays(first, index * 21);
		return {
			moduleId: module.id,
			startsOn: day,
			// IKBO format: every module is two training days (Monday and Tuesday).
			endsOn: addDays(day, 1),
			place: 'Berlin-Mitte',
			assignmentDueOn: null
		};
	});
	const id = createCohort(
		course.id,
		{
			name: DEMO_COHORT_NAME,
			trainerIds: [trainerId],
			// IKBO: graduates meet again for a two-day Vertiefungstreffen about a year later.
			followUpDate: addDays(first, (course.modules.length - 1) * 21 + 364),
			modules
		},
		trainerId
	);
	enrol(learnerId, course.id, id);
	return id;
}
