import type { CourseMeta } from '$lib/content/types';
import { getCourse } from '../content';
import { getCourseProgress, type CourseProgress } from '../progress';

export type Eligibility =
	| { eligible: true; course: CourseMeta }
	| { eligible: false; reason: 'unknown_course' | 'no_certificate' | 'incomplete' };

/** Pure: a certificate is due when the course has a certificate block and is complete. */
export function deriveEligibility(
	course: CourseMeta | undefined,
	progress: Pick<CourseProgress, 'isComplete'> | undefined
): Eligibility {
	if (!course) return { eligible: false, reason: 'unknown_course' };
	if (!course.certificate) return { eligible: false, reason: 'no_certificate' };
	if (!progress?.isComplete) return { eligible: false, reason: 'incomplete' };
	return { eligible: true, course };
}

export function checkEligibility(userId: string, courseId: string): Eligibility {
	const course = getCourse(courseId);
	return deriveEligibility(course, course ? getCourseProgress(userId, courseId) : undefined);
}
