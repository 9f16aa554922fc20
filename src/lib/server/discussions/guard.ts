import { error, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '../auth/guards';
import { requireAlumniNetwork } from '../alumni/guard';
import { getCohort } from '../cohorts/cohorts';
import { discussionRoleOf } from './access';
import { alumniSpace, cohortSpace } from './space';
import { getThread } from './threads';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/**
 * For every load and action under /austausch/[lehrgang] and /alumni/[kurs]/austausch: people
 * outside the space get the same 404 as for a space that does not exist, so IDs cannot be probed.
 */
export function requireDiscussion(event: Event) {
	if (event.params.kurs !== undefined) {
		const { user, role, course } = requireAlumniNetwork(event);
		return { user, role, space: alumniSpace(course.id), courseId: course.id };
	}
	const user = requireUser(event);
	const cohortId = event.params.lehrgang ?? '';
	const role = discussionRoleOf(user, cohortId);
	const cohort = role ? getCohort(cohortId) : undefined;
	if (!role || !cohort) error(404, 'not found');
	return { user, role, space: cohortSpace(cohort.id), courseId: cohort.courseId };
}

export function requireModerator(event: Event) {
	const access = requireDiscussion(event);
	if (access.role !== 'moderator') error(403, 'forbidden');
	return access;
}

/** The thread of the URL, in the space of the URL; any other is a 404. */
export function requireThread(event: Event) {
	const access = requireDiscussion(event);
	const thread = getThread(access.space, event.params.thema ?? '');
	if (!thread) error(404, 'not found');
	return { ...access, thread };
}
