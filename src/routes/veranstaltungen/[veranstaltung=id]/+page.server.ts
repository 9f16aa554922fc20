import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	cancelRegistration,
	confirmationOf,
	eventUrl,
	eventView,
	manageEventUrl,
	register,
	requireEventGuest,
	seatCounts
} from '$lib/server/events';
import { isConfirmed } from '$lib/server/http/confirm';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user, event: record, role, registration } = requireEventGuest(event);
	const confirmation = confirmationOf(record.id, user.id);
	const now = new Date();
	return {
		event: eventView(record),
		seats: seatCounts(record.id),
		registration,
		open: record.status === 'published' && now < (record.registrationDeadline ?? record.startsAt),
		started: now >= record.startsAt,
		confirmation: confirmation
			? { code: confirmation.code, number: confirmation.number, status: confirmation.status }
			: null,
		manageUrl: role === 'organiser' ? manageEventUrl(record.id) : null,
		/** The second step of cancelling, asked for by link so it works without JavaScript. */
		confirmCancel: event.url.searchParams.has('abmelden')
	};
};

export const actions: Actions = {
	anmelden: (event) => {
		const { user, event: record } = requireEventGuest(event);
		const result = register(user.id, record.id);
		if (!result.ok) return formFailure(409, { form: m.events_error_closed() });
		// The page's registration status ("Sie sind angemeldet.") is the answer: no second text.
		return { registrationChanged: true };
	},
	abmelden: async (event) => {
		const { user, event: record } = requireEventGuest(event);
		if (!isConfirmed(await event.request.formData())) {
			redirect(303, `${eventUrl(record.id)}?abmelden#anmeldung`);
		}
		const result = cancelRegistration(user.id, record.id);
		if (!result.ok) {
			const message =
				result.reason === 'started' ? m.events_error_started() : m.events_error_not_registered();
			return formFailure(409, { form: message });
		}
		return { done: m.events_cancelled_done() };
	}
};
