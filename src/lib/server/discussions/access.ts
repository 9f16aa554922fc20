import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { canManageCohort } from '../cohorts/access';
import { getDb } from '../db';
import { enrolments } from '../db/schema';

/** Moderators: the cohort's trainers and admins. Members: its learners. */
export type DiscussionRole = 'moderator' | 'member';

/**
 * Who may take part in a cohort's Austausch, asked afresh on every request: a learner who
 * leaves or is removed from the cohort (their enrolment no longer names it) loses access at once.
 */
export function discussionRoleOf(
	user: Pick<SessionUser, 'id' | 'role'>,
	cohortId: string
): DiscussionRole | null {
	if (canManageCohort(user, cohortId)) return 'moderator';
	const enrolled = getDb()
		.select({ id: enrolments.id })
		.from(enrolments)
		.where(and(eq(enrolments.userId, user.id), eq(enrolments.cohortId, cohortId)))
		.get();
	return enrolled ? 'member' : null;
}
