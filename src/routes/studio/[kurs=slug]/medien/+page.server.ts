import { fail } from '@sveltejs/kit';
import { requireCourse } from '$lib/server/studio/guard';
import { listMedia, MEDIA_MAX_MB, uploadMedia } from '$lib/server/studio/media';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

export const load: PageServerLoad = (event) => {
	const { course } = requireCourse(event);
	return {
		courseDir: course.ws.courseDir,
		courseId: course.tree.id,
		title: course.tree.title,
		modules: listMedia(course.ws),
		maxMB: MEDIA_MAX_MB
	};
};

export const actions: Actions = {
	hochladen: repeatSafe(async (event) => {
		const { user, course } = requireCourse(event);
		const upload = await uploadMedia(user.id, course.ws, event.request);
		if (!upload.ok) return fail(400, { errors: upload.errors, values: upload.values });
		return { uploaded: upload };
	})
};
