import { error } from '@sveltejs/kit';
import { formatDay } from '$lib/format';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { getCohortSummary } from '$lib/server/progress/summary-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireManagedCohort(event);
	const summary = getCohortSummary(event.params.id, (day) => formatDay(day));
	if (!summary) error(404, 'not found');
	return summary;
};
