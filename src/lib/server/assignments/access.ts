import type { AssignmentMeta } from '$lib/content/types';
import type { SessionUser } from '../auth/session';
import { canManageCohort } from '../cohorts/access';
import { courseStanding, type ModuleAccess } from '../progress';

export type AssignmentAccess =
	| { kind: 'learner'; cohortId: string | null }
	| { kind: 'staff' }
	| { kind: 'locked'; cohortId: string | null; access: Extract<ModuleAccess, { open: false }> }
	| { kind: 'none' };

/** Learners need an enrolment and an open module; trainers and admins read the instructions. */
export function assignmentAccess(user: SessionUser, item: AssignmentMeta): AssignmentAccess {
	if (user.role !== 'learner') return { kind: 'staff' };
	const { enrolment, accessTo } = courseStanding(user, item.courseId);
	if (!enrolment) return { kind: 'none' };
	const access = accessTo(item.moduleId);
	if (!access.open) {
		return access.reason === 'not_enrolled'
			? { kind: 'none' }
			: { kind: 'locked', cohortId: enrolment.cohortId, access };
	}
	return { kind: 'learner', cohortId: enrolment.cohortId };
}

/** The learner, admins, and the trainers of the cohort the work was submitted in. */
export function canReadSubmission(
	user: SessionUser,
	submission: { userId: string; cohortId: string | null }
): boolean {
	if (submission.userId === user.id || user.role === 'admin') return true;
	return (
		user.role === 'trainer' && !!submission.cohortId && canManageCohort(user, submission.cohortId)
	);
}

/** Reviewing is for the cohort's trainers and admins, never for the learner themself. */
export function canReviewSubmission(
	user: SessionUser,
	submission: { userId: string; cohortId: string | null }
): boolean {
	return (
		user.role !== 'learner' && submission.userId !== user.id && canReadSubmission(user, submission)
	);
}
