import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import {
	acceptApplication,
	acceptSchema,
	declineApplication,
	listOpenApplications,
	rejectSchema
} from '$lib/server/hospitation';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

/** The same rule as for mentoring: admins decide all, trainers for their cohorts' learners. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	return {
		applications: listOpenApplications(user).map((row) => ({
			id: row.id,
			learnerName: row.learnerName,
			motivation: row.motivation,
			offerTitle: row.offerTitle,
			organisation: row.organisation,
			createdAt: row.createdAt
		})),
		pendingDecline: event.url.searchParams.get('ablehnen')
	};
};

export const actions: Actions = {
	annehmen: async (event) => {
		const user = requireUser(event, 'trainer');
		const parsed = parseForm(
			await event.request.formData(),
			acceptSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = acceptApplication(user, parsed.data.applicationId);
		if (!result.ok) {
			const message =
				result.reason === 'full' ? m.hospitation_error_full() : m.hospitation_error_not_open();
			return formFailure(result.reason === 'not_found' ? 404 : 409, { form: message });
		}
		return { done: m.hospitation_accepted() };
	},
	ablehnen: async (event) => {
		const user = requireUser(event, 'trainer');
		const parsed = parseForm(
			await event.request.formData(),
			rejectSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = declineApplication(user, parsed.data.applicationId, parsed.data.reason);
		if (!result.ok) {
			return formFailure(result.reason === 'not_found' ? 404 : 409, {
				form: m.hospitation_error_not_open()
			});
		}
		return { done: m.hospitation_declined() };
	}
};
