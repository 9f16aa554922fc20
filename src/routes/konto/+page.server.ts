import { m } from '$lib/paraglide/messages.js';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { changePasswordSchema } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { checkCurrentPassword } from '$lib/server/auth/login';
import { cookieExpiry, createSession } from '$lib/server/auth/session';
import { setPassword } from '$lib/server/auth/users';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { account: { name: user.name, email: user.email, role: user.role } };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUser(event);
		const formData = await event.request.formData();
		formData.set('email', user.email);
		formData.set('name', user.name);
		const parsed = parseForm(formData, changePasswordSchema(), m.common_error_duplicate_field());
		if (!parsed.success) return formFailure(400, parsed.errors);
		const check = await checkCurrentPassword(
			user.email,
			parsed.data.currentPassword,
			event.getClientAddress()
		);
		if (check === 'throttled') {
			return formFailure(429, { currentPassword: m.security_error_current_password_throttled() });
		}
		if (check === 'wrong') {
			return formFailure(400, { currentPassword: m.auth_error_current_password_wrong() });
		}
		await setPassword(user.id, parsed.data.password);
		const { token, session } = createSession(user.id);
		setSessionCookie(event.cookies, token, cookieExpiry(session));
		return { passwordChanged: true };
	}
};
