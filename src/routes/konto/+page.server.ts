import { m } from '$lib/paraglide/messages.js';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { requestEmailChange } from '$lib/server/auth/email-change';
import {
	resendAddressConfirmation,
	unconfirmedAddressOf
} from '$lib/server/auth/email-confirmation';
import { changePasswordSchema, emailChangeSchema, nameChangeSchema } from '$lib/server/auth/forms';
import { changeName } from '$lib/server/auth/profile';
import { requireUser } from '$lib/server/auth/guards';
import { checkCurrentPassword } from '$lib/server/auth/login';
import { cookieExpiry, createSession } from '$lib/server/auth/session';
import { getUser } from '$lib/server/auth/users';
import { changeOwnPassword } from '$lib/server/auth/password-change';
import {
	getMailPreferences,
	mailKindsFor,
	mailLocaleOf,
	mailSettingsSchema,
	setMailLocale,
	setMailPreferences
} from '$lib/server/mail';
import {
	cancelDeletionRequest,
	getDeletionRequest,
	requestDeletion,
	retentionConfig
} from '$lib/server/privacy';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { isConfirmed } from '$lib/server/http/confirm';
import { clientAddress } from '$lib/server/http/client-address';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	// Read again: the session's copy predates an action of this same request (a name change).
	const account = getUser(user.id) ?? user;
	return {
		account: { name: account.name, email: account.email, role: account.role },
		unconfirmedEmail: unconfirmedAddressOf(user.id),
		mail: {
			kinds: mailKindsFor(user.role),
			preferences: getMailPreferences(user.id),
			locale: mailLocaleOf(user.id)
		},
		deletion: {
			request: getDeletionRequest(user.id) ?? null,
			graceDays: retentionConfig().deletionGraceDays
		}
	};
};

export const actions: Actions = {
	/** New certificates carry the new name; issued ones are reissued on request. */
	name: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(
			await event.request.formData(),
			nameChangeSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		changeName(user.id, parsed.data.name, user.id);
		return { nameSaved: true };
	},
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
			clientAddress(event)
		);
		if (check === 'throttled') {
			return formFailure(429, { currentPassword: m.security_error_current_password_throttled() });
		}
		if (check === 'wrong') {
			return formFailure(400, { currentPassword: m.auth_error_current_password_wrong() });
		}
		await changeOwnPassword(user.id, parsed.data.password);
		const { token, session } = createSession(user.id);
		setSessionCookie(event.cookies, token, cookieExpiry(session));
		return { passwordChanged: true };
	},
	/** Takes effect only once confirmed from the new address (see /email-bestaetigen). */
	email: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(
			await event.request.formData(),
			emailChangeSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const { newEmail, passwordForEmail } = parsed.data;
		const result = await requestEmailChange(user, newEmail, passwordForEmail, clientAddress(event));
		if (!result.ok) {
			const error: Record<string, string> = {
				wrong_password: { passwordForEmail: m.auth_error_current_password_wrong() },
				same_address: { newEmail: m.mail_email_change_same() },
				throttled: { form: m.mail_email_change_throttled() }
			}[result.reason];
			return formFailure(result.reason === 'throttled' ? 429 : 400, error, { newEmail });
		}
		return { emailChangeSent: newEmail.trim().toLowerCase() };
	},
	/** "Link erneut senden" while the address waits for confirmation (also from the overview). */
	resendConfirmation: async (event) => {
		const user = requireUser(event);
		const result = resendAddressConfirmation(user.id);
		if (result === 'throttled') {
			return formFailure(429, { confirmation: m.mail_address_resend_throttled() });
		}
		return { confirmationResent: result === 'sent' };
	},
	/** Art. 17: a confirmation step first; an admin confirms, or the grace period runs out. */
	requestDeletion: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const keep = form.get('zertifikatePruefbar') === 'ja';
		if (!isConfirmed(form)) return { confirmDeletion: { keep } };
		requestDeletion(user.id, keep);
		return { deletionRequested: true };
	},
	cancelDeletion: async (event) => {
		const user = requireUser(event);
		cancelDeletionRequest(user.id, user.id);
		return { deletionCancelled: true };
	},
	mail: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(
			await event.request.formData(),
			mailSettingsSchema(user.role),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const { locale, ...preferences } = parsed.data;
		setMailPreferences(user.id, preferences);
		setMailLocale(user.id, locale);
		return { mailSaved: true };
	}
};
