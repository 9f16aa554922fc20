import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	requireThread,
	revokeSharedSubmission,
	shareRevocability,
	spaceView,
	threadUrl
} from '$lib/server/discussions';
import { isConfirmed } from '$lib/server/http/confirm';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

// Withdrawing a shared Praxisaufgabe: for its author and the space's moderators; other members
// get a 404 like an unknown thread. A share already withdrawn says so.

export const load: PageServerLoad = (event) => {
	const { user, role, space, thread } = requireThread(event);
	const revocability = shareRevocability(thread, user, role);
	if (revocability === 'not_allowed') error(404, 'not found');
	return {
		gone: revocability === 'gone',
		space: spaceView(space),
		thread: { title: thread.title, url: threadUrl(space, thread.id) },
		asModerator: thread.authorId !== user.id
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, role, space, thread } = requireThread(event);
		const form = await event.request.formData();
		if (!isConfirmed(form))
			return formFailure(400, { form: m.shared_submission_revoke_question() });
		const revoked = revokeSharedSubmission(user, thread, role);
		if (!revoked.ok) {
			if (revoked.reason === 'not_allowed') error(404, 'not found');
			return formFailure(409, { form: m.shared_submission_revoke_gone() });
		}
		redirect(303, threadUrl(space, thread.id));
	}
};
