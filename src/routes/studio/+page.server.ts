import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireAuthor } from '$lib/server/studio/guard';
import { authorableCourses, canCreateCourses, courseDirs } from '$lib/server/studio';
import { createCourse } from '$lib/server/studio/structure';
import { structureErrors } from '$lib/server/studio/messages';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

export const load: PageServerLoad = (event) => {
	const user = requireAuthor(event);
	return { courses: authorableCourses(user), canCreate: canCreateCourses(user) };
};

export const actions: Actions = {
	kurs: repeatSafe(async (event) => {
		const user = requireAuthor(event);
		if (!canCreateCourses(user)) return formFailure(403, { form: m.studio_error_create_course() });
		const title = String((await event.request.formData()).get('titel') ?? '').trim();
		const result = createCourse(user.id, title, courseDirs(user.id));
		if (!result.ok) return formFailure(400, structureErrors(result.problem), { titel: title });
		redirect(303, `/studio/${result.path.split('/')[1]}`);
	})
};
