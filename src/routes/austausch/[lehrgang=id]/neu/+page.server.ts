import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	createThread,
	discussableItem,
	itemChoices,
	mentionablePeople,
	requireDiscussion,
	sectionIn,
	sectionsOf,
	spaceView,
	threadSchema,
	threadUrl
} from '$lib/server/discussions';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { space, courseId } = requireDiscussion(event);
	const params = event.url.searchParams;
	const item = discussableItem(courseId, params.get('eintrag') ?? '');
	const section = sectionIn(courseId, params.get('bereich') ?? '');
	return {
		space: spaceView(space),
		sections: sectionsOf(courseId),
		items: itemChoices(courseId),
		prefill: { moduleId: item?.moduleId ?? section ?? '', itemId: item?.id ?? '' },
		itemTitle: item?.title ?? null,
		mentionNames: mentionablePeople(space).map((person) => person.name)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, space, courseId } = requireDiscussion(event);
		const parsed = parseForm(
			await event.request.formData(),
			threadSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const { title, body, moduleId, itemId } = parsed.data;
		const item = itemId ? discussableItem(courseId, itemId) : null;
		const section = sectionIn(courseId, moduleId);
		const errors: Record<string, string> = {};
		if (item === undefined) errors.itemId = m.discussions_error_item();
		if (section === undefined) errors.moduleId = m.discussions_error_section();
		if (Object.keys(errors).length) return formFailure(400, errors, parsed.data);
		// A thread about a lesson or task sits in that lesson's module.
		const threadId = createThread(user, space, {
			title,
			body,
			moduleId: item ? item.moduleId : (section ?? null),
			itemId: item ? item.id : null
		});
		redirect(303, threadUrl(space, threadId));
	}
};
