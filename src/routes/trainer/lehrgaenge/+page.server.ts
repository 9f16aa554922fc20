import { requireUser } from '$lib/server/auth/guards';
import { listManagedCohortsPage } from '$lib/server/cohorts/cohorts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const requested = Number.parseInt(event.url.searchParams.get('seite') ?? '1', 10) || 1;
	return { result: listManagedCohortsPage(user, Math.min(10_000, Math.max(1, requested))) };
};
