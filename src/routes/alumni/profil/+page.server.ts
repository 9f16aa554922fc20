import { m } from '$lib/paraglide/messages.js';
import {
	ENTRY_MAX,
	getProfile,
	LIST_MAX_ENTRIES,
	ORGANISATION_MAX,
	profileSchema,
	saveProfile
} from '$lib/server/alumni';
import { requireUser } from '$lib/server/auth/guards';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const profile = getProfile(user.id);
	return {
		name: user.name,
		email: user.email,
		profile: {
			...profile,
			languages: profile.languages.join(', '),
			topics: profile.topics.join(', ')
		},
		limits: { organisation: ORGANISATION_MAX, entries: LIST_MAX_ENTRIES, entry: ENTRY_MAX }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(
			await event.request.formData(),
			profileSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		saveProfile(user.id, parsed.data);
		return { saved: m.alumni_profile_saved() };
	}
};
