import { error, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '../auth/guards';
import { canManageCohort } from './access';
import { getCohort } from './cohorts';

/**
 * For every load and action under /trainer/lehrgaenge/[id]: trainers who do not manage the
 * cohort get the same 404 as for a cohort that does not exist, so IDs cannot be probed.
 */
export function requireManagedCohort(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event, 'trainer');
	const id = event.params.id ?? '';
	if (!canManageCohort(user, id)) error(404, 'not found');
	const cohort = getCohort(id);
	if (!cohort) error(404, 'not found');
	return { user, cohort };
}
