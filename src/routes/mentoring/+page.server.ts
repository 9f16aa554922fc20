import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { hasRole, requireUser } from '$lib/server/auth/guards';
import { isConfirmed } from '$lib/server/http/confirm';
import {
	getOwnOffer,
	isAlumnus,
	listOffers,
	listOwnPairs,
	MENTORING_URL,
	offerSchema,
	pairUrl,
	requestMentor,
	requestSchema,
	saveOffer,
	withdrawRequest
} from '$lib/server/mentoring';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const params = event.url.searchParams;
	const filter = { topic: params.get('thema') ?? '', language: params.get('sprache') ?? '' };
	const alumnus = isAlumnus(user.id);
	const offer = alumnus ? getOwnOffer(user.id) : undefined;
	const pairs = listOwnPairs(user.id);
	const learner = user.role === 'learner';
	return {
		learner,
		staff: hasRole(user, 'trainer'),
		filter,
		...(learner ? listOffers(user.id, filter) : { offers: [], facets: null }),
		alumnus,
		offer: offer
			? {
					topics: offer.topics.join(', '),
					languages: offer.languages.join(', '),
					capacity: offer.capacity,
					paused: offer.paused
				}
			: null,
		requests: pairs.asMentee.map((pair) => ({
			id: pair.id,
			status: pair.status,
			mentorName: pair.mentorName ?? pair.offerOwnerName,
			declineReason: pair.declineReason,
			createdAt: pair.createdAt,
			url: pair.status === 'confirmed' || pair.status === 'ended' ? pairUrl(pair.id) : null
		})),
		mentees: pairs.asMentor.map((pair) => ({
			id: pair.id,
			status: pair.status,
			menteeName: pair.menteeName,
			url: pairUrl(pair.id)
		})),
		pendingWithdraw: params.get('zurueckziehen')
	};
};

export const actions: Actions = {
	anfragen: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(
			await event.request.formData(),
			requestSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = requestMentor(user, parsed.data.offerId || null, parsed.data.message);
		if (!result.ok) {
			const message = {
				not_learner: m.mentoring_error_not_learner(),
				open_exists: m.mentoring_error_open_exists(),
				offer_unavailable: m.mentoring_error_offer_unavailable()
			}[result.reason];
			return formFailure(
				result.reason === 'not_learner' ? 403 : 409,
				{ form: message },
				parsed.data
			);
		}
		return { done: m.mentoring_requested() };
	},
	zurueckziehen: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const pairId = String(form.get('pairId') ?? '');
		if (!isConfirmed(form)) {
			redirect(303, `${MENTORING_URL}?zurueckziehen=${encodeURIComponent(pairId)}#anfragen`);
		}
		if (!withdrawRequest(user, pairId)) {
			return formFailure(404, { form: m.mentoring_error_not_open() });
		}
		return { done: m.mentoring_withdrawn() };
	},
	angebot: repeatSafe(async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(
			await event.request.formData(),
			offerSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = saveOffer(user.id, parsed.data);
		if (!result.ok) return formFailure(403, { form: m.mentoring_error_not_alumnus() });
		return { done: m.mentoring_offer_saved() };
	})
};
