import { error } from '@sveltejs/kit';
import { pageParam } from '$lib/server/http/page-param';
import { requireCourse } from '$lib/server/studio/guard';
import { isWritablePath } from '$lib/server/studio/paths';
import { courseHistory } from '$lib/server/studio/versions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { course } = requireCourse(event);
	const path = event.url.searchParams.get('datei');
	if (path !== null && !isWritablePath(path, course.ws.courseDir)) error(404, 'not found');
	return {
		courseDir: course.ws.courseDir,
		title: course.tree.title,
		path,
		history: await courseHistory(
			course.ws.courseDir,
			path ?? undefined,
			pageParam(event.url.searchParams)
		)
	};
};
