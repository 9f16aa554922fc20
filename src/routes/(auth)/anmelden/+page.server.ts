import { m } from '$lib/paraglide/messages.js';
import { cookieName, getLocale } from '$lib/paraglide/runtime';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { loginSchema } from '$lib/server/auth/forms';
import { attemptLogin } from '$lib/server/auth/login';
import { cookieExpiry, createSession, invalidateSession } from '$lib/server/auth/session';
import { setMailLocale } from '$lib/server/mail';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { DEMO_PASSWORD, demoAccounts, isDemoMode } from '$lib/server/demo/seed';
import { formFailure, parseForm } from '$lib/server/validation/form';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { clientAddress } from '$lib/server/http/client-address';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeRedirectTarget(url.searchParams.get('weiter'), url.origin);
	if (locals.user) redirect(303, next);
	return {
		next,
		demo: isDemoMode() ? { accounts: demoAccounts, password: DEMO_PASSWORD } : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, locals } = event;
		const parsed = parseForm(
			await request.formData(),
			loginSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const { email, password, weiter } = parsed.data;
		const result = await attemptLogin(email, password, clientAddress(event));
		if (!result.ok) {
			const message = {
				throttled: m.auth_error_throttled,
				invalid: m.auth_error_invalid_credentials,
				deactivated: m.auth_error_deactivated
			}[result.reason]();
			return formFailure(result.reason === 'throttled' ? 429 : 400, { form: message }, { email });
		}
		// Rotate: whatever session this browser had before is ended, a new token is issued.
		if (locals.session) invalidateSession(locals.session.id);
		const { token, session } = createSession(result.userId);
		setSessionCookie(cookies, token, cookieExpiry(session));
		// A language chosen on this device is also the one for the user's mails.
		if (cookies.get(cookieName)) setMailLocale(result.userId, getLocale());
		redirect(303, safeRedirectTarget(weiter, event.url.origin));
	}
};
