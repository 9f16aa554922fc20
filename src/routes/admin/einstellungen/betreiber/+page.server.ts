import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import {
	getOperatorSettings,
	operatorSchema,
	saveOperatorSettings
} from '$lib/server/operator/settings';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	return { operator: getOperatorSettings() };
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireUser(event, 'admin');
		const parsed = parseForm(
			await event.request.formData(),
			operatorSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		saveOperatorSettings(admin.id, parsed.data);
		return { saved: true };
	}
};
