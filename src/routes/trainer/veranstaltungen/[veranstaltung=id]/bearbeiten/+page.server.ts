import { fail, redirect } from '@sveltejs/kit';
import {
	audienceFields,
	audienceKey,
	attendedDaysOf,
	audienceOf,
	eventFormValues,
	manageEventUrl,
	readEventForm,
	requireEventOrganiser,
	updateEvent
} from '$lib/server/events';
import type { Actions, PageServerLoad } from './$types';

/** A cancelled event stays as it was announced: its page shows it, nothing is edited. */
function requireEditable(event: Parameters<typeof requireEventOrganiser>[0]) {
	const access = requireEventOrganiser(event);
	if (access.event.status === 'cancelled') redirect(303, manageEventUrl(access.event.id));
	return access;
}

export const load: PageServerLoad = (event) => {
	const { user, event: record } = requireEditable(event);
	return {
		event: { id: record.id, title: record.title },
		values: eventFormValues(record),
		chosen: audienceOf(record.id).map(audienceKey),
		...audienceFields(user)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, event: record } = requireEditable(event);
		const result = readEventForm(user, await event.request.formData(), audienceOf(record.id), {
			before: { ...record, attendedDays: attendedDaysOf(record.id) }
		});
		if (!result.ok) {
			const { errors, values, chosen } = result;
			return fail(400, { errors, values, chosen });
		}
		updateEvent(user, record, result.input, result.audience);
		redirect(303, `${manageEventUrl(record.id)}?gespeichert`);
	}
};
