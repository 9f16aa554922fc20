import { listReviewQueue } from '$lib/server/assignments/queue';
import { requireUser } from '$lib/server/auth/guards';
import { listManagedCohorts } from '$lib/server/cohorts/access';
import { getCourse } from '$lib/server/content';
import { getLearnerDashboard } from '$lib/server/progress/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	if (user.role === 'learner') {
		return {
			name: user.name,
			role: user.role,
			dashboard: getLearnerDashboard(user),
			cohorts: [],
			waiting: 0
		};
	}
	const cohorts = listManagedCohorts(user).map((cohort) => ({
		...cohort,
		courseTitle: getCourse(cohort.courseId)?.title ?? cohort.courseId
	}));
	const waiting = listReviewQueue(user, { status: 'submitted', page: 1 }).total;
	return { name: user.name, role: user.role, dashboard: null, cohorts, waiting };
};
