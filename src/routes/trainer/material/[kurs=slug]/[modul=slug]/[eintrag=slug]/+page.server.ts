import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { trainerMaterialView } from '$lib/server/course-pages';
import type { PageServerLoad } from './$types';
import { itemIdOf } from '$lib/urls';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const { kurs, modul, eintrag } = event.params;
	// Trainers of other courses get the same 404 as for material that does not exist.
	const view = trainerMaterialView(user, itemIdOf({ kurs, modul, eintrag }));
	if (!view) error(404, 'Not Found');
	return { view };
};
