import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '../auth/guards';
import { requireAlumniNetwork } from '../alumni/guard';
import { notFoundIn } from '../http/not-found';
import { getCohort } from '../cohorts/cohorts';
import { discussionRoleOf } from './access';
import { alumniSpace, cohortSpace, spaceUrl } from './space';
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

/**
 * The thread of the URL, in the space of the URL; any other (deleted, moved, never there) is a 404
 * that leads back to the space's topics.
 */
export function requireThread(event: Event) {
	const access = requireDiscussion(event);
	const thread = getThread(access.space, event.params.thema ?? '');
	if (!thread) {
		notFoundIn(m.discussions_thread_gone(), {
			href: spaceUrl(access.space),
			label: m.discussions_back()
		});
	}
	return { ...access, thread };
}
