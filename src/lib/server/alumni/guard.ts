import { error, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '../auth/guards';
import { getCourse } from '../content';
import { alumniRoleOf } from './access';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/**
 * For every load and action under /alumni/[kurs]: people outside the network (and not its
 * staff) get the same 404 as for a course that does not exist, so membership cannot be probed.
 */
export function requireAlumniNetwork(event: Event) {
	const user = requireUser(event);
	const course = getCourse(event.params.kurs ?? '');
	const role = course?.certificate ? alumniRoleOf(user, course.id) : null;
	if (!course || !role) error(404, 'not found');
	return { user, role, course };
}
