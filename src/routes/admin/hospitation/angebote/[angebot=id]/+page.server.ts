import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import {
	getHospitationOffer,
	hospitationOfferSchema,
	listOrganisations,
	setHospitationOfferClosed,
	updateHospitationOffer
} from '$lib/server/hospitation';
import { isConfirmed } from '$lib/server/http/confirm';
import { notFoundIn } from '$lib/server/http/not-found';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const pageUrl = (id: string) => `/admin/hospitation/angebote/${id}`;

function requireOffer(event: RequestEvent) {
	const user = requireUser(event, 'admin');
	const offer = getHospitationOffer(event.params.angebot);
	if (!offer) {
		notFoundIn(m.hospitation_offer_gone(), {
			href: '/admin/hospitation',
			label: m.hospitation_admin_title()
		});
	}
	return { user, offer };
}

export const load: PageServerLoad = (event) => {
	const { offer } = requireOffer(event);
	return {
		offer: { ...offer, places: String(offer.places), closed: offer.closedAt !== null },
		organisations: listOrganisations(),
		pendingClose: event.url.searchParams.has('schliessen')
	};
};

export const actions: Actions = {
	speichern: async (event) => {
		const { user, offer } = requireOffer(event);
		const parsed = parseForm(
			await event.request.formData(),
			hospitationOfferSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = updateHospitationOffer(user, offer.id, parsed.data);
		if (!result.ok) {
			const errors: Record<string, string> =
				result.reason === 'places_taken'
					? { places: m.hospitation_error_places_taken() }
					: { organisationId: m.hospitation_error_organisation() };
			return formFailure(result.reason === 'not_found' ? 404 : 400, errors, {
				...parsed.data,
				places: String(parsed.data.places)
			});
		}
		return { done: m.hospitation_offer_updated() };
	},
	schliessen: async (event) => {
		const { user, offer } = requireOffer(event);
		if (!isConfirmed(await event.request.formData())) {
			redirect(303, `${pageUrl(offer.id)}?schliessen#status`);
		}
		if (!setHospitationOfferClosed(user, offer.id, true).ok) {
			return formFailure(409, { form: m.hospitation_error_unchanged() });
		}
		return { done: m.hospitation_offer_closed_done() };
	},
	oeffnen: async (event) => {
		const { user, offer } = requireOffer(event);
		if (!setHospitationOfferClosed(user, offer.id, false).ok) {
			return formFailure(409, { form: m.hospitation_error_unchanged() });
		}
		return { done: m.hospitation_offer_reopened_done() };
	}
};
