import { requireUser } from '$lib/server/auth/guards';
import { listManagedCohortsPage } from '$lib/server/cohorts/cohorts';
import { cohortPeriodParam } from '$lib/server/cohorts/periods';
import type { PageServerLoad } from './$types';
import { pageParam } from '$lib/server/http/page-param';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const period = cohortPeriodParam(event.url.searchParams);
	return {
		period,
		result: listManagedCohortsPage(user, pageParam(event.url.searchParams), period)
	};
};
