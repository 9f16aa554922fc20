import { error } from '@sveltejs/kit';
import { loadLearnerDetail } from '$lib/server/progress/detail';
import { requireCohortManager } from '$lib/server/progress/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireCohortManager(event, event.params.id);
	const detail = loadLearnerDetail(event.params.id, event.params.userId);
	if (!detail) error(404, 'not found');
	return detail;
};
