import { requireUser } from '$lib/server/auth/guards';
import { eventPeriodParam, listManagedEvents } from '$lib/server/events';
import type { PageServerLoad } from './$types';

/** The events this admin or trainer runs (admins: all), upcoming or past. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const period = eventPeriodParam(event.url.searchParams);
	return { period, result: listManagedEvents(user, period) };
};
