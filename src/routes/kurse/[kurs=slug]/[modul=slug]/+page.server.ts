import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { moduleView } from '$lib/server/course-pages';
import type { PageServerLoad } from './$types';
import { moduleIdOf } from '$lib/urls';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const view = moduleView(user, moduleIdOf(event.params));
	if (!view) error(404, 'Not Found');
	return view;
};
