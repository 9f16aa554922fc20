import { error } from '@sveltejs/kit';
import { formatDate } from '$lib/format';
import { requireCohortManager } from '$lib/server/progress/guard';
import { getCohortSummary } from '$lib/server/progress/summary-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireCohortManager(event, event.params.id);
	const summary = getCohortSummary(event.params.id, (day) => formatDate(`${day}T12:00:00Z`));
	if (!summary) error(404, 'not found');
	return summary;
};
