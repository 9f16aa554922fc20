import { requireUser } from '$lib/server/auth/guards';
import { catalogueView } from '$lib/server/course-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { courses: catalogueView(user), isLearner: user.role === 'learner' };
};
