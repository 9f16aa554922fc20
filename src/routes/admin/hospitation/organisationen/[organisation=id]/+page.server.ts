import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import {
	deleteOrganisation,
	getOrganisation,
	organisationSchema,
	updateOrganisation
} from '$lib/server/hospitation';
import { isConfirmed } from '$lib/server/http/confirm';
import { notFoundIn } from '$lib/server/http/not-found';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function requireOrganisation(event: RequestEvent) {
	const user = requireUser(event, 'admin');
	const organisation = getOrganisation(event.params.organisation);
	if (!organisation) {
		notFoundIn(m.hospitation_organisation_gone(), {
			href: '/admin/hospitation',
			label: m.hospitation_admin_title()
		});
	}
	return { user, organisation };
}

export const load: PageServerLoad = (event) => {
	const { organisation } = requireOrganisation(event);
	return { organisation, pendingDelete: event.url.searchParams.has('loeschen') };
};

export const actions: Actions = {
	speichern: async (event) => {
		const { user, organisation } = requireOrganisation(event);
		const parsed = parseForm(
			await event.request.formData(),
			organisationSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		if (!updateOrganisation(user, organisation.id, parsed.data).ok) error(404, 'not found');
		return { done: m.hospitation_organisation_updated() };
	},
	loeschen: async (event) => {
		const { user, organisation } = requireOrganisation(event);
		if (!isConfirmed(await event.request.formData())) {
			redirect(303, `/admin/hospitation/organisationen/${organisation.id}?loeschen#loeschen`);
		}
		const result = deleteOrganisation(user, organisation.id);
		if (!result.ok) {
			return formFailure(409, { form: m.hospitation_error_has_applications() });
		}
		redirect(303, '/admin/hospitation?organisation-geloescht');
	}
};
