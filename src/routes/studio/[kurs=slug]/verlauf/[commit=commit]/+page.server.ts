import { error, fail } from '@sveltejs/kit';
import { formatDateTime } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import type { ContentProblem } from '$lib/server/content/problems';
import { isConfirmed } from '$lib/server/http/confirm';
import { requireCourse } from '$lib/server/studio/guard';
import { commitView, restoreVersion } from '$lib/server/studio/versions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { course } = requireCourse(event);
	const view = await commitView(course.ws.courseDir, event.params.commit);
	if (!view) error(404, 'not found');
	return {
		courseDir: course.ws.courseDir,
		title: course.tree.title,
		view: view === 'unreadable' ? null : view
	};
};

const none: ContentProblem[] = [];

export const actions: Actions = {
	wiederherstellen: async (event) => {
		const { user, course } = requireCourse(event);
		const form = await event.request.formData();
		const path = String(form.get('datei') ?? '');
		const view = await commitView(course.ws.courseDir, event.params.commit);
		if (view === 'unreadable') {
			return fail(503, { error: m.studio_history_unreadable(), problems: none });
		}
		if (!view || !view.files.some((file) => file.path === path)) {
			return fail(400, { error: m.studio_error_not_found(), problems: none });
		}
		// Restoring publishes at once, for every learner: asked first, as publishing a draft is.
		if (!isConfirmed(form)) return { confirmRestore: path };
		const message = m.studio_commit_restore_message({
			date: formatDateTime(view.entry.date),
			path
		});
		const outcome = await restoreVersion(
			user,
			course.ws.courseDir,
			event.params.commit,
			path,
			message
		);
		if (!outcome) return fail(400, { error: m.studio_error_not_found(), problems: none });
		if (outcome.ok)
			return { restored: m.studio_commit_restored({ commit: outcome.commit.slice(0, 7) }) };
		if (outcome.reason === 'errors')
			return fail(422, {
				error: m.studio_publish_errors(),
				problems: outcome.errors as ContentProblem[]
			});
		if (outcome.reason === 'unreadable') {
			return fail(503, { error: m.studio_history_unreadable(), problems: none });
		}
		if (outcome.reason === 'busy') {
			return fail(503, { error: m.studio_publish_busy(), problems: none });
		}
		if (outcome.reason === 'write_failed') {
			return fail(503, { error: m.studio_publish_write_failed(), problems: none });
		}
		return fail(400, { error: m.studio_publish_nothing(), problems: none });
	}
};
