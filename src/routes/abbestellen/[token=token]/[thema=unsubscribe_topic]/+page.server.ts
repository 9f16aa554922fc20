import { m } from '$lib/paraglide/messages.js';
import { unsubscribeTopics, type UnsubscribeTopic } from '$lib/mail';
import { findByUnsubscribeToken, unsubscribe } from '$lib/server/mail';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { answerWithStatus } from '$lib/server/http/page-status';

const kindsOf = (topic: string) => [...unsubscribeTopics[topic as UnsubscribeTopic]];

/** No login needed: the link from the mail is the key, and it can only switch mails off. */
export const load: PageServerLoad = ({ params, locals }) => {
	const valid = !!findByUnsubscribeToken(params.token);
	if (!valid) answerWithStatus(locals, 404);
	return { valid, kinds: kindsOf(params.thema) };
};

export const actions: Actions = {
	// Also the RFC 8058 one-click target: mail providers POST `List-Unsubscribe=One-Click` here.
	default: async ({ params }) => {
		if (!unsubscribe(params.token, params.thema as UnsubscribeTopic)) {
			return formFailure(404, { form: m.mail_unsubscribe_invalid() });
		}
		return { done: true };
	}
};
