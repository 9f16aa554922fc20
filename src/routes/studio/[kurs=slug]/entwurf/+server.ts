import { error, json } from '@sveltejs/kit';
import { saveDraft } from '$lib/server/studio/drafts';
import { checkUnsaved, composePage, editorInputFrom, pageKind } from '$lib/server/studio/editor';
import { requireCourse } from '$lib/server/studio/guard';
import { liveFile } from '$lib/server/studio/workspace';
import type { RequestHandler } from './$types';

/**
 * The editor with JavaScript: checks the text as the author types and saves it as a draft
 * (`speichern=1`), answering with the problems and the preview.
 */
export const POST: RequestHandler = async (event) => {
	const { user, course } = requireCourse(event);
	const form = await event.request.formData();
	const path = String(form.get('datei') ?? '');
	const kind = pageKind(course, path);
	if (!kind) error(404, 'not found');
	const page = composePage(kind, editorInputFrom(form, kind));
	if (!page.ok) return json({ problem: page.message }, { status: 400 });
	if (form.get('speichern') === '1') {
		saveDraft(user.id, course.ws.courseDir, path, Buffer.from(page.text), liveFile(path));
	}
	return json(checkUnsaved(course, path, page.text));
};
