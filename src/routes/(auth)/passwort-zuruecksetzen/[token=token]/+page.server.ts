import { m } from '$lib/paraglide/messages.js';
import { resetPasswordSchema } from '$lib/server/auth/forms';
import { completePasswordReset, findValidPasswordReset } from '$lib/server/auth/password-change';
import { passwordResetThrottle } from '$lib/server/throttle';
import { formFailure, parseForm } from '$lib/server/validation/form';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { clientAddress } from '$lib/server/http/client-address';
import { answerWithStatus } from '$lib/server/http/page-status';

export const load: PageServerLoad = ({ params, locals }) => {
	const reset = findValidPasswordReset(params.token);
	if (!reset) answerWithStatus(locals, 404);
	return { valid: !!reset };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, params } = event;
		const reset = findValidPasswordReset(params.token);
		if (!reset) return formFailure(400, { form: m.auth_reset_invalid() });
		const formData = await request.formData();
		formData.set('email', reset.email);
		formData.set('name', reset.name);
		const parsed = parseForm(formData, resetPasswordSchema(), m.common_error_duplicate_field());
		if (!parsed.success) return formFailure(400, parsed.errors);
		if (!passwordResetThrottle.take(clientAddress(event))) {
			return formFailure(429, { form: m.security_error_reset_throttled() });
		}
		if (!(await completePasswordReset(params.token, parsed.data.password))) {
			return formFailure(400, { form: m.auth_reset_invalid() });
		}
		redirect(303, '/anmelden?passwort=neu');
	}
};
