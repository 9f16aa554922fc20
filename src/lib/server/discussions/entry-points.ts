import type { SessionUser } from '../auth/session';
import { getEnrolment } from '../cohorts/enrolment';
import { getItem } from '../content';
import { itemThreadsUrl } from './links';

/** "Fragen zu dieser Lektion/Aufgabe": the cohort's threads about the item. */
export function itemDiscussionUrl(user: SessionUser, itemId: string): string | null {
	const item = getItem(itemId);
	const cohortId = item && getEnrolment(user.id, item.courseId)?.cohortId;
	return cohortId ? itemThreadsUrl(cohortId, itemId) : null;
}
