import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { audienceFields, createEvent, manageEventUrl, readEventForm } from '$lib/server/events';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	return audienceFields(user);
};

export const actions: Actions = {
	default: repeatSafe(async (event) => {
		const user = requireUser(event, 'trainer');
		const result = readEventForm(user, await event.request.formData());
		if (!result.ok) {
			const { errors, values, chosen } = result;
			return fail(400, { errors, values, chosen });
		}
		const id = createEvent(user, result.input, result.audience);
		redirect(303, manageEventUrl(id));
	})
};
