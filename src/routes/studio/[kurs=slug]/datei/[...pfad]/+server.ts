import { error } from '@sveltejs/kit';
import { assetContentType, assetHeaders } from '$lib/server/content/asset-response';
import { requireCourse } from '$lib/server/studio/guard';
import { isWritablePath } from '$lib/server/studio/paths';
import type { RequestHandler } from './$types';

/** A file of the author's workspace (a draft upload included), for the editor's preview. */
export const GET: RequestHandler = (event) => {
	const { course } = requireCourse(event);
	const path = `courses/${course.ws.courseDir}/${event.params.pfad}`;
	const type = assetContentType(path);
	const file = course.ws.files.get(path);
	if (!type || !file || !isWritablePath(path, course.ws.courseDir) || path.endsWith('.md')) {
		error(404, 'not found');
	}
	return new Response(new Uint8Array(file), {
		headers: { ...assetHeaders(type, file.byteLength), 'Cache-Control': 'no-store' }
	});
};
