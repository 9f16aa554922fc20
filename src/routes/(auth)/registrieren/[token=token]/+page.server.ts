import { m } from '$lib/paraglide/messages.js';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { registerSchema } from '$lib/server/auth/forms';
import { findInvite, inviteStatus, redeemInvite } from '$lib/server/auth/invites';
import { cookieExpiry, createSession, invalidateSession } from '$lib/server/auth/session';
import { formFailure, parseForm } from '$lib/server/validation/form';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const problemMessage = {
	unknown: m.auth_invite_unknown,
	expired: m.auth_invite_expired,
	used_up: m.auth_invite_used_up,
	revoked: m.auth_invite_revoked,
	email_mismatch: m.auth_invite_email_mismatch,
	email_taken: m.auth_invite_email_taken
};

export const load: PageServerLoad = ({ params, locals }) => {
	const invite = findInvite(params.token);
	const status = inviteStatus(invite);
	return {
		signedIn: !!locals.user,
		problem: status === 'valid' ? null : problemMessage[status](),
		invite:
			invite && status === 'valid'
				? { email: invite.email, role: invite.role, cohortName: invite.cohortName }
				: null
	};
};

export const actions: Actions = {
	default: async ({ request, params, cookies, locals }) => {
		const parsed = parseForm(
			await request.formData(),
			registerSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = await redeemInvite(params.token, parsed.data);
		if (!result.ok) {
			const field = result.reason.startsWith('email') ? 'email' : 'form';
			return formFailure(
				400,
				{ [field]: problemMessage[result.reason]() },
				{ name: parsed.data.name, email: parsed.data.email }
			);
		}
		if (locals.session) invalidateSession(locals.session.id);
		const { token, session } = createSession(result.userId);
		setSessionCookie(cookies, token, cookieExpiry(session));
		redirect(303, '/?willkommen=1');
	}
};
