import type { CourseMeta } from '$lib/content/types';
import { getEnrolment } from '../cohorts/enrolment';
import { getCourse } from '../content';
import { getCourseProgress, type CourseProgress } from '../progress';
import { cohortPeriod } from './snapshot';
import { berlinDay } from '$lib/berlin-day';

export type Eligibility =
	| { eligible: true; course: CourseMeta }
	| {
			eligible: false;
			reason: 'unknown_course' | 'no_certificate' | 'incomplete' | 'before_last_day';
			lastDay?: string;
	  };

/**
 * Pure: a certificate is due when the course has a certificate block and is complete, and, in a
 * cohort, once its last module day has come (done online early is not done yet).
 */
export function deriveEligibility(
	course: CourseMeta | undefined,
	progress: Pick<CourseProgress, 'isComplete'> | undefined,
	cohort: { lastDay: string | null; today: string } | null = null
): Eligibility {
	if (!course) return { eligible: false, reason: 'unknown_course' };
	if (!course.certificate) return { eligible: false, reason: 'no_certificate' };
	if (cohort?.lastDay && cohort.lastDay > cohort.today) {
		return { eligible: false, reason: 'before_last_day', lastDay: cohort.lastDay };
	}
	if (!progress?.isComplete) return { eligible: false, reason: 'incomplete' };
	return { eligible: true, course };
}

/** The last module day of the learner's cohort in the course, if it has dates. */
export function cohortLastDay(userId: string, course: CourseMeta): string | null {
	const cohortId = getEnrolment(userId, course.id)?.cohortId;
	if (!cohortId) return null;
	return cohortPeriod(
		cohortId,
		course.modules.map((module) => module.id)
	).to;
}

/** The cohort's last module day while it lies ahead: the certificate follows on that day. */
export function certificateWaitsFor(userId: string, courseId: string, now = new Date()) {
	const eligibility = checkEligibility(userId, courseId, now);
	return !eligibility.eligible && eligibility.reason === 'before_last_day'
		? (eligibility.lastDay ?? null)
		: null;
}

export function checkEligibility(userId: string, courseId: string, now = new Date()) {
	const course = getCourse(courseId);
	if (!course) return deriveEligibility(undefined, undefined);
	const lastDay = cohortLastDay(userId, course);
	return deriveEligibility(course, getCourseProgress(userId, courseId), {
		lastDay,
		today: berlinDay(now)
	});
}
