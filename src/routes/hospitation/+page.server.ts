import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { hasRole, requireUser } from '$lib/server/auth/guards';
import {
	applyForHospitation,
	applySchema,
	listHospitationOffers,
	listOwnApplications,
	withdrawApplication
} from '$lib/server/hospitation';
import { isConfirmed } from '$lib/server/http/confirm';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return {
		learner: user.role === 'learner',
		staff: hasRole(user, 'trainer'),
		admin: user.role === 'admin',
		offers: listHospitationOffers(),
		applications: listOwnApplications(user.id).map((row) => ({
			id: row.id,
			offerId: row.offerId,
			status: row.status,
			offerTitle: row.offerTitle,
			organisation: row.organisation,
			motivation: row.motivation,
			declineReason: row.declineReason
		})),
		/** The second step of withdrawing, asked for by link so it works without JavaScript. */
		pendingWithdraw: event.url.searchParams.get('zurueckziehen')
	};
};

export const actions: Actions = {
	bewerben: repeatSafe(async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(
			await event.request.formData(),
			applySchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = applyForHospitation(user, parsed.data.offerId, parsed.data.motivation);
		if (!result.ok) {
			const { status, message } = {
				not_learner: { status: 403, message: m.hospitation_error_not_learner() },
				unknown_offer: { status: 400, message: m.hospitation_error_offer() },
				closed: { status: 409, message: m.hospitation_error_closed() },
				applied_already: { status: 409, message: m.hospitation_error_applied_already() }
			}[result.reason];
			const field = result.reason === 'unknown_offer' ? 'offerId' : 'form';
			return formFailure(status, { [field]: message }, parsed.data);
		}
		return { done: m.hospitation_applied() };
	}),
	zurueckziehen: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const applicationId = String(form.get('applicationId') ?? '');
		if (!isConfirmed(form)) {
			redirect(303, `/hospitation?zurueckziehen=${encodeURIComponent(applicationId)}#bewerbungen`);
		}
		if (!withdrawApplication(user, applicationId)) {
			return formFailure(409, { form: m.hospitation_error_not_open() });
		}
		return { done: m.hospitation_withdrawn() };
	}
};
