import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { moduleView } from '$lib/server/course-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const view = moduleView(user, `${event.params.kurs}/${event.params.modul}`);
	if (!view) error(404, 'Not Found');
	return view;
};
