import { error } from '@sveltejs/kit';
import { requireCohortManager } from '$lib/server/progress/guard';
import { getCohortMatrix } from '$lib/server/progress/matrix-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireCohortManager(event, event.params.id);
	const matrix = getCohortMatrix(event.params.id, event.url.searchParams);
	if (!matrix) error(404, 'not found');
	return matrix;
};
