import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import type { ContentProblem } from '$lib/server/content/problems';
import { draftChanges } from '$lib/server/studio/changes';
import { discardDraft, rebaseDraft } from '$lib/server/studio/drafts';
import { requireCourse } from '$lib/server/studio/guard';
import { findConflicts, publishDrafts } from '$lib/server/studio/publish';
import { liveFile } from '$lib/server/studio/workspace';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, course } = requireCourse(event);
	return {
		courseDir: course.ws.courseDir,
		title: course.tree.title,
		changes: draftChanges(user.id, course.ws.courseDir),
		conflicts: findConflicts(user.id, course.ws.courseDir),
		errors: course.check.errors,
		warnings: course.check.warnings
	};
};

interface PublishFailure {
	message: string;
	error?: string;
	messageError?: string;
	problems?: ContentProblem[];
}

const refuse = (status: number, failure: PublishFailure) => fail(status, failure);

/** Longest note on a publish (the field says so, too). */
const MESSAGE_MAX = 500;

export const actions: Actions = {
	veroeffentlichen: async (event) => {
		const { user, course } = requireCourse(event);
		const message = String((await event.request.formData()).get('nachricht') ?? '').trim();
		if (!message) return refuse(400, { messageError: m.studio_publish_message_missing(), message });
		if (message.length > MESSAGE_MAX) {
			return refuse(400, {
				messageError: m.studio_publish_message_too_long({ max: MESSAGE_MAX }),
				message
			});
		}
		const outcome = await publishDrafts(user, course.ws.courseDir, message);
		if (outcome.ok)
			return { published: m.studio_publish_done({ commit: outcome.commit.slice(0, 7) }) };
		if (outcome.reason === 'nothing')
			return refuse(400, { error: m.studio_publish_nothing(), message });
		if (outcome.reason === 'busy') return refuse(503, { error: m.studio_publish_busy(), message });
		if (outcome.reason === 'write_failed') {
			return refuse(503, { error: m.studio_publish_write_failed(), message });
		}
		if (outcome.reason === 'conflicts') return refuse(409, { message });
		return refuse(422, { error: m.studio_publish_errors(), problems: outcome.errors, message });
	},
	konflikt: async (event) => {
		const { user, course } = requireCourse(event);
		const form = await event.request.formData();
		const path = String(form.get('datei') ?? '');
		if (!findConflicts(user.id, course.ws.courseDir).some((conflict) => conflict.path === path)) {
			return fail(400, { error: m.studio_error_not_found() });
		}
		if (form.get('behalten') === 'meine') {
			rebaseDraft(user.id, path, liveFile(path));
			return { resolved: m.studio_conflict_resolved_mine() };
		}
		if (!discardDraft(user.id, path, String(form.get('version') ?? ''))) {
			return fail(409, { error: m.studio_conflict_draft_changed() });
		}
		return { resolved: m.studio_conflict_resolved_live() };
	}
};
