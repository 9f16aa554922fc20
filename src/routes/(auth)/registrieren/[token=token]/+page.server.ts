import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { registerSchema } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import {
	checkRegistration,
	findInvite,
	inviteStatus,
	redeemInvite
} from '$lib/server/auth/invites';
import { cookieExpiry, createSession, invalidateSession } from '$lib/server/auth/session';
import { acceptCohortInvite, checkCohortInvite } from '$lib/server/cohorts/join';
import { registrationThrottle } from '$lib/server/throttle';
import { formFailure, parseForm } from '$lib/server/validation/form';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { clientAddress } from '$lib/server/http/client-address';
import { answerWithStatus } from '$lib/server/http/page-status';

const problemMessage = {
	unknown: m.auth_invite_unknown,
	expired: m.auth_invite_expired,
	used_up: m.auth_invite_used_up,
	revoked: m.auth_invite_revoked,
	email_mismatch: m.auth_invite_email_mismatch,
	email_taken: m.auth_invite_email_taken,
	not_for_account: m.auth_invite_not_for_account,
	already_in_cohort: m.auth_invite_already_in_cohort
};

export const load: PageServerLoad = ({ params, locals }) => {
	const invite = findInvite(params.token);
	const status = inviteStatus(invite);
	const valid = invite && status === 'valid';
	if (!valid) answerWithStatus(locals, status === 'unknown' ? 404 : 410);
	// A signed-in learner joins the cohort by accepting; nobody learns here who has an account.
	const acceptance = valid && locals.user ? checkCohortInvite(params.token, locals.user) : null;
	return {
		signedIn: !!locals.user,
		problem: status === 'valid' ? null : problemMessage[status](),
		invite: valid
			? {
					email: invite.email,
					name: invite.name,
					role: invite.role,
					cohortName: invite.cohortName,
					forCohort: invite.role === 'learner' && !!invite.cohortId
				}
			: null,
		accept: acceptance?.ok
			? {
					name: locals.user!.name,
					cohort: acceptance.cohort.name,
					course: acceptance.courseTitle,
					from: acceptance.from?.name ?? null
				}
			: null,
		acceptProblem: acceptance && !acceptance.ok ? problemMessage[acceptance.reason]() : null
	};
};

export const actions: Actions = {
	register: async (event) => {
		const { request, params, cookies, locals } = event;
		const parsed = parseForm(
			await request.formData(),
			registerSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const values = { name: parsed.data.name, email: parsed.data.email };
		const refuse = (reason: keyof typeof problemMessage) =>
			formFailure(
				400,
				{ [reason.startsWith('email') ? 'email' : 'form']: problemMessage[reason]() },
				values
			);
		// Token and address before the password hash: only a registration that can succeed pays
		// for it. Whether an address has an account is an answer, too: it costs from the same
		// budget, so a shared cohort link cannot be used to test addresses in bulk.
		const problem = checkRegistration(params.token, parsed.data.email);
		if (problem && problem !== 'email_taken') return refuse(problem);
		if (!registrationThrottle.take(clientAddress(event))) {
			return formFailure(429, { form: m.security_error_register_throttled() }, values);
		}
		if (problem) return refuse(problem);
		const result = await redeemInvite(params.token, { ...parsed.data, locale: getLocale() });
		if (!result.ok) return refuse(result.reason);
		if (locals.session) invalidateSession(locals.session.id);
		const { token, session } = createSession(result.userId);
		setSessionCookie(cookies, token, cookieExpiry(session));
		redirect(303, '/?willkommen=1');
	},
	accept: async (event) => {
		const user = requireUser(event);
		const result = acceptCohortInvite(event.params.token, user, clientAddress(event));
		if (!result.ok) return formFailure(400, { form: problemMessage[result.reason]() });
		redirect(303, `/kurse/${result.cohort.courseId}`);
	}
};
