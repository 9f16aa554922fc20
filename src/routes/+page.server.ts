import { listReviewQueue } from '$lib/server/assignments/queue';
import { requireUser } from '$lib/server/auth/guards';
import { unconfirmedAddressOf } from '$lib/server/auth/email-confirmation';
import { listManagedCohorts } from '$lib/server/cohorts/access';
import { getCourse } from '$lib/server/content';
import { getLearnerDashboard } from '$lib/server/progress/dashboard';
import type { PageServerLoad } from './$types';

// The overview is read, not worked in: links and no forms (but "Link erneut senden" while the
// address waits for confirmation, which posts to /konto). Like lessons and the course page it
// renders without client-side code, so it sends no hydration copy of its lists and no scripts.
export const csr = false;

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const unconfirmedEmail = unconfirmedAddressOf(user.id);
	if (user.role === 'learner') {
		return {
			name: user.name,
			unconfirmedEmail,
			role: user.role,
			dashboard: getLearnerDashboard(user),
			cohorts: [],
			finishedCohorts: 0,
			waiting: 0
		};
	}
	// Finished cohorts are on the cohort list, behind its tab: the overview names what runs now.
	const cohorts = listManagedCohorts(user, 'current').map((cohort) => ({
		...cohort,
		courseTitle: getCourse(cohort.courseId)?.title ?? cohort.courseId
	}));
	const waiting = listReviewQueue(user, { status: 'submitted', page: 1 }).total;
	const finishedCohorts = listManagedCohorts(user, 'finished').length;
	return {
		name: user.name,
		unconfirmedEmail,
		role: user.role,
		dashboard: null,
		cohorts,
		finishedCohorts,
		waiting
	};
};
