import { m } from '$lib/paraglide/messages.js';
import { instancePublicKey, verifyCode } from '$lib/server/certificates/verify';
import { verifyThrottle } from '$lib/server/throttle';
import { verifyUrl } from '$lib/urls';
import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Public: no login. Shows only what is printed on the certificate, plus its status. */
export const load: PageServerLoad = (event) => {
	if (!verifyThrottle.take(event.getClientAddress())) {
		error(429, m.certificates_verify_rate_limited());
	}
	const verification = verifyCode(event.params.code);
	if (verification.code && verification.code !== event.params.code) {
		redirect(301, verifyUrl(verification.code));
	}
	if (!verification.found) return { verification, publicKey: null };
	const { signature: _signature, ...shown } = verification;
	return { verification: shown, publicKey: instancePublicKey() };
};
