import { m } from '$lib/paraglide/messages.js';
import { instancePublicKey, verifyCode } from '$lib/server/certificates/verify';
import { verifyEventConfirmation } from '$lib/server/events';
import { verifyThrottle } from '$lib/server/throttle';
import { verifyUrl } from '$lib/urls';
import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { clientAddress } from '$lib/server/http/client-address';
import { answerWithStatus } from '$lib/server/http/page-status';

/**
 * Public: no login. Shows only what is printed on the certificate or the event's
 * Teilnahmebestätigung (both carry codes of the same format), plus its status.
 */
export const load: PageServerLoad = (event) => {
	if (!verifyThrottle.take(clientAddress(event))) {
		error(429, m.certificates_verify_rate_limited());
	}
	const verification = verifyCode(event.params.code);
	if (verification.code && verification.code !== event.params.code) {
		redirect(301, verifyUrl(verification.code));
	}
	if (verification.found) {
		const { signature: _signature, ...shown } = verification;
		return {
			verification: { ...shown, document: 'certificate' as const },
			publicKey: instancePublicKey()
		};
	}
	const confirmation =
		verification.code && !verification.erased
			? verifyEventConfirmation(verification.code)
			: undefined;
	if (confirmation?.found) {
		const { signature: _signature, ...shown } = confirmation;
		return {
			verification: { ...shown, document: 'event' as const },
			publicKey: instancePublicKey()
		};
	}
	if (confirmation && !confirmation.found && confirmation.erased) {
		answerWithStatus(event.locals, 410);
		return {
			verification: { ...verification, erased: true, document: 'event' as const },
			publicKey: null
		};
	}
	// The same statuses as the JSON download: erased is gone for good, anything else unknown.
	answerWithStatus(event.locals, verification.erased ? 410 : 404);
	return { verification, publicKey: null };
};
