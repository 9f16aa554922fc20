import { error } from '@sveltejs/kit';
import { pageParam } from '$lib/server/http/page-param';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { getCohortMatrix } from '$lib/server/progress/matrix-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireManagedCohort(event);
	const params = event.url.searchParams;
	const matrix = getCohortMatrix(event.params.id, params, pageParam(params));
	if (!matrix) error(404, 'not found');
	return matrix;
};
