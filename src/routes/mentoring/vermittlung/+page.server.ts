import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import {
	confirmPairing,
	confirmSchema,
	declinePairing,
	declineSchema,
	listOffers,
	listOpenRequests
} from '$lib/server/mentoring';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

/**
 * Admins decide every request; trainers those of learners in the cohorts they lead (they know
 * them). The list and both actions ask the same rule (leadsLearner), so a trainer cannot decide
 * for someone else's learner by sending a pair ID.
 */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	const { offers } = listOffers(user.id);
	return {
		requests: listOpenRequests(user).map((request) => ({
			id: request.id,
			menteeName: request.menteeName,
			message: request.message,
			createdAt: request.createdAt,
			wanted: request.offerId ? (request.offerOwnerName ?? '') : null
		})),
		offers: offers.map((offer) => ({
			id: offer.id,
			label: m.mentoring_offer_option({
				name: offer.mentorName,
				topics: offer.topics.join(', '),
				count: offer.freePlaces
			})
		})),
		pendingDecline: event.url.searchParams.get('ablehnen')
	};
};

export const actions: Actions = {
	bestaetigen: async (event) => {
		const user = requireUser(event, 'trainer');
		const parsed = parseForm(
			await event.request.formData(),
			confirmSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = confirmPairing(user, parsed.data.pairId, parsed.data.offerId || null);
		if (!result.ok) {
			const message = {
				not_found: m.mentoring_error_not_open(),
				not_open: m.mentoring_error_not_open(),
				choose_offer: m.mentoring_error_choose_offer(),
				offer_unavailable: m.mentoring_error_offer_unavailable(),
				full: m.mentoring_error_full()
			}[result.reason];
			const status =
				result.reason === 'not_found' ? 404 : result.reason === 'choose_offer' ? 400 : 409;
			return formFailure(status, { form: message }, parsed.data);
		}
		return { done: m.mentoring_confirmed() };
	},
	ablehnen: async (event) => {
		const user = requireUser(event, 'trainer');
		const parsed = parseForm(
			await event.request.formData(),
			declineSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = declinePairing(user, parsed.data.pairId, parsed.data.reason);
		if (!result.ok) {
			return formFailure(result.reason === 'not_found' ? 404 : 409, {
				form: m.mentoring_error_not_open()
			});
		}
		return { done: m.mentoring_declined() };
	}
};
