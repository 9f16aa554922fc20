import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireCourse } from '$lib/server/studio/guard';
import { structureErrors, structureMessage } from '$lib/server/studio/messages';
import {
	createItem,
	createModule,
	deletePage,
	moveItem,
	moveModule,
	type StructureResult
} from '$lib/server/studio/structure';
import { deletionPreview, isPublished } from '$lib/server/studio/deletion';
import { discardDrafts } from '$lib/server/studio/drafts';
import { NEW_ITEM_KINDS, type NewItemKind } from '$lib/server/studio/templates';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

export const load: PageServerLoad = (event) => {
	const { course } = requireCourse(event);
	const asked = event.url.searchParams.get('loeschen');
	return {
		tree: course.tree,
		drafts: course.ws.drafts.map((draft) => ({
			path: draft.path,
			deleted: draft.content === null
		})),
		errorCount: course.check.errors.length,
		deletion: asked ? deletionPreview(course, asked) : null,
		confirmDiscard: event.url.searchParams.get('bestaetigen') === 'verwerfen'
	};
};

const field = (form: FormData, name: string) => String(form.get(name) ?? '').slice(0, 500);

function answer(result: StructureResult, done: string) {
	if (!result.ok) return fail(400, { error: structureMessage(result.problem) });
	return { done };
}

/**
 * A refused "new module" or "new page" form: `failedForm` says which of the page's forms it was
 * ('modul', or 'seite:<module folder>'), so only that one shows the errors and what was typed.
 */
const refuseNew = (
	failedForm: string,
	errors: Record<string, string>,
	values: Record<string, string>
) => fail(400, { failedForm, errors, values });

export const actions: Actions = {
	modul: repeatSafe(async (event) => {
		const { user, course } = requireCourse(event);
		const title = String((await event.request.formData()).get('titel') ?? '');
		const result = createModule(user.id, course.ws, title);
		if (!result.ok) return refuseNew('modul', structureErrors(result.problem), { titel: title });
		return { done: m.studio_done_created() };
	}),
	seite: repeatSafe(async (event) => {
		const { user, course } = requireCourse(event);
		const form = await event.request.formData();
		const kind = field(form, 'art');
		const moduleDir = field(form, 'modul');
		const title = String(form.get('titel') ?? '');
		const typed = { art: kind, titel: title };
		if (!NEW_ITEM_KINDS.includes(kind as NewItemKind))
			return refuseNew(`seite:${moduleDir}`, { art: m.studio_error_kind() }, typed);
		const result = createItem(user.id, course.ws, moduleDir, kind as NewItemKind, title);
		// The module is gone, and its form with it: the page says so above the list.
		if (!result.ok && result.problem === 'not_found')
			return fail(400, { error: structureMessage(result.problem) });
		if (!result.ok) return refuseNew(`seite:${moduleDir}`, structureErrors(result.problem), typed);
		redirect(
			303,
			`/studio/${course.ws.courseDir}/bearbeiten?datei=${encodeURIComponent(result.path)}`
		);
	}),
	verschieben: async (event) => {
		const { user, course } = requireCourse(event);
		const form = await event.request.formData();
		const direction = field(form, 'richtung') === 'hoch' ? -1 : 1;
		const path = field(form, 'datei');
		const result = path.endsWith('/module.md')
			? moveModule(user.id, course.ws, path.split('/')[2] ?? '', direction)
			: moveItem(user.id, course.ws, path, direction);
		return answer(result, m.studio_done_moved());
	},
	loeschen: async (event) => {
		const { user, course } = requireCourse(event);
		const form = await event.request.formData();
		const path = field(form, 'datei');
		const published = isPublished(course, path);
		const result = deletePage(user.id, course.ws, path);
		if (!result.ok) return fail(400, { error: structureMessage(result.problem) });
		return { done: published ? m.studio_done_deleted() : m.studio_done_deleted_unpublished() };
	},
	verwerfen: async (event) => {
		const { user, course } = requireCourse(event);
		const count = discardDrafts(user.id, course.ws.courseDir);
		return { done: m.studio_done_discarded({ count }) };
	}
};
