import { error } from '@sveltejs/kit';
import { sharedInCohort } from '$lib/server/journal/entries';
import { loadLearnerDetail } from '$lib/server/progress/detail';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user: viewer } = requireManagedCohort(event);
	const detail = loadLearnerDetail(event.params.id, event.params.userId);
	if (!detail) error(404, 'not found');
	const journal = sharedInCohort(viewer, event.params.userId, event.params.id).map((entry) => ({
		id: entry.id,
		prompt: entry.prompt,
		body: entry.body,
		createdAt: entry.createdAt
	}));
	return { ...detail, journal };
};
