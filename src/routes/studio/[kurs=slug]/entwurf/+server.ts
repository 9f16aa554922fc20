import { error, json } from '@sveltejs/kit';
import { saveDraft } from '$lib/server/studio/drafts';
import {
	baseVersionFrom,
	checkUnsaved,
	composePage,
	draftConflict,
	editorInputFrom,
	pageKind
} from '$lib/server/studio/editor';
import { requireCourse } from '$lib/server/studio/guard';
import { liveFile } from '$lib/server/studio/workspace';
import type { RequestHandler } from './$types';

/**
 * The editor with JavaScript: checks the text as the author types and saves it as a draft
 * (`speichern=1`), answering with the problems, the preview and the draft's new version; 409 with
 * the newer draft when it changed since the `version` the editor started from.
 */
export const POST: RequestHandler = async (event) => {
	const { user, course } = requireCourse(event);
	const form = await event.request.formData();
	const path = String(form.get('datei') ?? '');
	const saving = form.get('speichern') === '1';
	const kind = pageKind(course, path);
	if (!kind) {
		// Deleted or moved in another tab: the editor keeps the text and says so.
		if (saving)
			return json({ conflict: draftConflict({ version: '', content: null }) }, { status: 409 });
		error(404, 'not found');
	}
	const page = composePage(kind, editorInputFrom(form, kind));
	if (!page.ok) return json({ problem: page.message }, { status: 400 });
	if (!saving) return json(checkUnsaved(course, path, page.text));
	const { basedOn } = baseVersionFrom(form);
	const saved = saveDraft(
		user.id,
		course.ws.courseDir,
		path,
		Buffer.from(page.text),
		liveFile(path),
		basedOn
	);
	if (!saved.ok) return json({ conflict: draftConflict(saved) }, { status: 409 });
	return json({ ...checkUnsaved(course, path, page.text), version: saved.version });
};
