import { requireUser } from '$lib/server/auth/guards';
import { registrationOf, visibleEventsFor } from '$lib/server/events';
import type { PageServerLoad } from './$types';

/** The events a person is invited to (or signed up for, or organises), soonest first. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const now = new Date();
	const rows = visibleEventsFor(user).map((row) => ({
		id: row.id,
		title: row.title,
		status: row.status,
		format: row.format,
		place: row.place,
		startsAt: row.startsAt,
		endsAt: row.endsAt,
		registration: registrationOf(user.id, row.id)
	}));
	return {
		upcoming: rows.filter((row) => row.endsAt > now),
		past: rows.filter((row) => row.endsAt <= now).reverse(),
		organiser: user.role !== 'learner'
	};
};
