import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import {
	createHospitationOffer,
	createOrganisation,
	hospitationOfferSchema,
	listHospitationOffers,
	listOrganisations,
	organisationSchema
} from '$lib/server/hospitation';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	return {
		organisations: listOrganisations(),
		offers: listHospitationOffers(),
		deleted: event.url.searchParams.has('organisation-geloescht')
	};
};

export const actions: Actions = {
	organisation: repeatSafe(async (event) => {
		const user = requireUser(event, 'admin');
		const parsed = parseForm(
			await event.request.formData(),
			organisationSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		createOrganisation(user, parsed.data);
		return { done: m.hospitation_organisation_saved() };
	}),
	angebot: repeatSafe(async (event) => {
		const user = requireUser(event, 'admin');
		const parsed = parseForm(
			await event.request.formData(),
			hospitationOfferSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = createHospitationOffer(user, parsed.data);
		if (!result.ok) {
			return formFailure(
				400,
				{ organisationId: m.hospitation_error_organisation() },
				{ ...parsed.data, places: String(parsed.data.places) }
			);
		}
		return { done: m.hospitation_offer_saved() };
	})
};
