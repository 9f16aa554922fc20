import { m } from '$lib/paraglide/messages.js';
import { confirmEmailChange, findPendingEmailChange } from '$lib/server/auth/email-change';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { clientAddress } from '$lib/server/http/client-address';
import { answerWithStatus } from '$lib/server/http/page-status';

/**
 * The link from the mail to the new address, or to the address of an account registered through
 * a shared link. Opening it changes nothing (mail scanners open links); the button does. No login
 * needed: the link proves access to the address.
 */
export const load: PageServerLoad = ({ params, locals }) => {
	const pending = findPendingEmailChange(params.token);
	if (!pending) answerWithStatus(locals, 404);
	return {
		pending: pending
			? { email: pending.newEmail, name: pending.name, confirmsAddress: pending.confirmsAddress }
			: null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const result = confirmEmailChange(event.params.token, new Date(), clientAddress(event));
		if (!result.ok) {
			const message =
				result.reason === 'taken' ? m.mail_email_change_taken() : m.mail_email_change_invalid();
			return formFailure(400, { form: message });
		}
		return { confirmed: result.newEmail, confirmsAddress: result.confirmsAddress };
	}
};
