import { error, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { canManageCohort } from '../cohorts/access';

/** Someone else's cohort is answered like a missing one: 404, so IDs reveal nothing. */
export function requireCohortManager(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	cohortId: string
): SessionUser {
	const user = requireUser(event);
	if (!canManageCohort(user, cohortId)) error(404, 'not found');
	return user;
}
