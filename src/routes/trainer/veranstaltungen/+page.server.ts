import { requireUser } from '$lib/server/auth/guards';
import { listManagedEvents } from '$lib/server/events';
import type { PageServerLoad } from './$types';

/** The events this admin or trainer runs (admins: all). */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	return { events: listManagedEvents(user) };
};
