import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	checkAttachments,
	createThread,
	discussableItem,
	itemChoices,
	mentionablePeople,
	readPostForm,
	requireDiscussion,
	sectionIn,
	sectionsOf,
	spaceView,
	storeAttachments,
	threadSchema,
	threadUrl
} from '$lib/server/discussions';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

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
	default: repeatSafe(async (event) => {
		const { user, space, courseId } = requireDiscussion(event);
		const read = await readPostForm(event.request);
		if (!read.ok) return formFailure(read.status, { dateien: read.message }, read.values);
		const parsed = parseForm(read.form, threadSchema(), m.common_error_duplicate_field());
		// Text and files are checked together, so one answer names every problem.
		const files = await checkAttachments(read.files);
		const fileErrors: Record<string, string> = files.ok ? {} : { dateien: files.message };
		const status = files.ok ? 400 : files.status;
		if (!parsed.success) {
			return formFailure(status, { ...parsed.errors, ...fileErrors }, parsed.values);
		}
		const { title, body, moduleId, itemId } = parsed.data;
		const item = itemId ? discussableItem(courseId, itemId) : null;
		const section = sectionIn(courseId, moduleId);
		const errors: Record<string, string> = { ...fileErrors };
		if (item === undefined) errors.itemId = m.discussions_error_item();
		if (section === undefined) errors.moduleId = m.discussions_error_section();
		if (Object.keys(errors).length || !files.ok) return formFailure(status, errors, parsed.data);
		const stored = await storeAttachments(files.checked);
		if (!stored.ok) return formFailure(stored.status, { dateien: stored.message }, parsed.data);
		// A thread about a lesson or task sits in that lesson's module.
		const threadId = createThread(user, space, {
			title,
			body,
			moduleId: item ? item.moduleId : (section ?? null),
			itemId: item ? item.id : null,
			attachments: stored.stored
		});
		redirect(303, threadUrl(space, threadId));
	})
};
