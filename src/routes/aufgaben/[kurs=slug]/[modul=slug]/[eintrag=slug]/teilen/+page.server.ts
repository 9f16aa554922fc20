import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { assignmentUrl, itemIdOf } from '$lib/urls';
import { requireUser } from '$lib/server/auth/guards';
import { assignmentAccess } from '$lib/server/assignments/access';
import { renderUserMarkdown } from '$lib/server/assignments/markdown';
import { getCohort } from '$lib/server/cohorts/cohorts';
import { getAssignment } from '$lib/server/content';
import {
	shareableSubmission,
	shareSchema,
	shareStateOf,
	shareSubmission,
	type ShareRefusal
} from '$lib/server/discussions';
import { isConfirmed } from '$lib/server/http/confirm';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

const refusalMessage: Record<ShareRefusal, () => string> = {
	no_submission: m.shared_submission_error_no_submission,
	empty: m.shared_submission_error_empty,
	not_member: m.shared_submission_error_not_member,
	already_shared: m.shared_submission_error_already_shared
};

/** Only the learner, on their own submission of an open Praxisaufgabe; others get a 404. */
function learnerOfItem(event: Pick<RequestEvent, 'locals' | 'params' | 'url'>) {
	const user = requireUser(event);
	const item = getAssignment(itemIdOf(event.params));
	if (!item || assignmentAccess(user, item).kind !== 'learner') error(404, 'Not Found');
	return { user, item, backUrl: assignmentUrl(item.id) };
}

export const load: PageServerLoad = (event) => {
	const { user, item, backUrl } = learnerOfItem(event);
	const found = shareableSubmission(user, item.id);
	const base = { task: item.title, backUrl };
	if (!found.ok) {
		return { ...base, step: { view: 'refused' as const, refusal: refusalMessage[found.reason]() } };
	}
	const state = shareStateOf(user, item.id, event.url.pathname);
	if (state.kind === 'shared') return { ...base, step: { view: 'shared' as const, shared: state } };
	const { submission } = found;
	return {
		...base,
		step: {
			view: 'form' as const,
			cohortName: getCohort(submission.cohortId)?.name ?? '',
			text: submission.text
		}
	};
};

export const actions: Actions = {
	teilen: repeatSafe(async (event) => {
		const { user, item } = learnerOfItem(event);
		const form = await event.request.formData();
		const parsed = parseForm(form, shareSchema(), m.common_error_duplicate_field());
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const { mode, excerpt, question } = parsed.data;
		const values = { mode, excerpt, question };
		const found = shareableSubmission(user, item.id);
		if (!found.ok) return formFailure(409, { form: refusalMessage[found.reason]() }, values);
		const text = mode === 'ganz' ? found.submission.text : excerpt;
		// First the preview: the learner sees exactly what the group will see, then confirms.
		if (!isConfirmed(form)) return { preview: renderUserMarkdown(text), values };
		const shared = shareSubmission(user, item.id, { text, excerpt: mode === 'auszug', question });
		if (!shared.ok) return formFailure(409, { form: refusalMessage[shared.reason]() }, values);
		redirect(303, shared.threadUrl);
	})
};
