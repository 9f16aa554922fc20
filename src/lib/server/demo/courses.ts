import { setOpenForEnrolment } from '../cohorts/enrolment';
import { getCourse } from '../content';

/** Courses that demo learners can start on their own, without a cohort. */
// IDs are the folder names without their order prefix (content/courses/02-verwaltungskenntnisse).
export const OPEN_DEMO_COURSES = [
	'verwaltungskenntnisse',
	'digitale-kompetenzen',
	'sprachmittlung-im-amt'
];

/** Opens the demo courses for self-enrolment; course IDs missing from the content are skipped. */
export function openDemoCourses(): void {
	for (const courseId of OPEN_DEMO_COURSES) {
		if (getCourse(courseId)) setOpenForEnrolment(courseId, true);
	}
}
