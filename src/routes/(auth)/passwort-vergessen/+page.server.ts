import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { forgotPasswordSchema } from '$lib/server/auth/forms';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions } from './$types';
import { clientAddress } from '$lib/server/http/client-address';

export const actions: Actions = {
	/** One answer for every well-formed address: whether an account exists is never revealed. */
	default: async (event) => {
		const parsed = parseForm(
			await event.request.formData(),
			forgotPasswordSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const outcome = requestPasswordReset(parsed.data.email, clientAddress(event), getLocale());
		if (outcome === 'throttled') {
			return formFailure(429, { form: m.mail_forgot_throttled() }, { email: parsed.data.email });
		}
		return { requested: true };
	}
};
