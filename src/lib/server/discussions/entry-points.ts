import type { SessionUser } from '../auth/session';
import { getEnrolment } from '../cohorts/enrolment';
import { getItem } from '../content';
import { discussionUrl } from './links';

/** The learner's Austausch for a course: their cohort's; none when self-paced. */
export function courseDiscussionUrl(user: SessionUser, courseId: string): string | null {
	const cohortId = getEnrolment(user.id, courseId)?.cohortId;
	return cohortId ? discussionUrl(cohortId) : null;
}

/** "Fragen zu dieser Lektion/Aufgabe": the cohort's threads about the item. */
export function itemDiscussionUrl(user: SessionUser, itemId: string): string | null {
	const item = getItem(itemId);
	const base = item ? courseDiscussionUrl(user, item.courseId) : null;
	return base && item ? `${base}?${new URLSearchParams({ eintrag: item.id })}` : null;
}
