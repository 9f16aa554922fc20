import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { saveDraft } from '$lib/server/studio/drafts';
import {
	baseVersionFrom,
	composePage,
	draftConflict,
	editorInputFrom,
	editorState,
	pageKind
} from '$lib/server/studio/editor';
import { requireCourse } from '$lib/server/studio/guard';
import { SNIPPETS } from '$lib/server/studio/templates';
import { liveFile } from '$lib/server/studio/workspace';
import type { Actions, PageServerLoad } from './$types';

function findPage(event: Parameters<typeof requireCourse>[0]) {
	const { user, course } = requireCourse(event);
	const path = event.url.searchParams.get('datei') ?? '';
	return { user, course, path, kind: pageKind(course, path) };
}

export const load: PageServerLoad = (event) => {
	const { course, path, kind } = findPage(event);
	const common = {
		courseDir: course.ws.courseDir,
		courseId: course.tree.id,
		courseTitle: course.tree.title
	};
	if (!kind) {
		// Saved after the page was deleted or moved in another tab: the answer shows the typed
		// text (the action's values) instead of a 404 page that would lose it.
		if (event.request.method === 'POST') return { ...common, page: null };
		error(404, 'not found');
	}
	return {
		...common,
		page: editorState(course, path, kind),
		drafted: course.ws.drafts.some((draft) => draft.path === path),
		snippets: SNIPPETS
	};
};

export const actions: Actions = {
	speichern: async (event) => {
		const { user, course, path, kind } = findPage(event);
		const form = await event.request.formData();
		if (!kind) {
			const values = { ...editorInputFrom(form, null), version: '' };
			return fail(409, { conflict: draftConflict({ version: '', content: null }), values });
		}
		const { basedOn, askedToOverwrite } = baseVersionFrom(form);
		// The typed text comes back with every refusal, and with the version it started from: a
		// second click on "Entwurf speichern" is refused again, only the confirmed overwrite is not.
		const values = { ...editorInputFrom(form, kind), version: String(form.get('version') ?? '') };
		const page = composePage(kind, values);
		if (!page.ok) {
			return fail(400, { error: page.message, values });
		}
		const live = liveFile(path);
		const saved = saveDraft(
			user.id,
			course.ws.courseDir,
			path,
			Buffer.from(page.text),
			live,
			basedOn
		);
		if (!saved.ok) return fail(409, { conflict: draftConflict(saved, askedToOverwrite), values });
		return { saved: m.studio_done_saved() };
	}
};
