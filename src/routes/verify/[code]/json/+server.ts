import { m } from '$lib/paraglide/messages.js';
import { instancePublicKey, verifyCode } from '$lib/server/certificates/verify';
import { verifyEventConfirmation } from '$lib/server/events';
import { verifyThrottle } from '$lib/server/throttle';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { clientAddress } from '$lib/server/http/client-address';

/**
 * The signed snapshot for offline checks: verify `signature` (Ed25519, base64) over the snapshot
 * serialised as JSON with keys sorted at every level and no whitespace, with `publicKey`.
 */
export const GET: RequestHandler = (event) => {
	if (!verifyThrottle.take(clientAddress(event))) {
		return json(
			{ error: m.certificates_verify_rate_limited() },
			{
				status: 429,
				headers: { 'Retry-After': String(verifyThrottle.retryAfterSeconds()) }
			}
		);
	}
	const certificate = verifyCode(event.params.code);
	// Not a certificate's code: perhaps an event's Teilnahmebestätigung (same code format).
	const confirmation =
		!certificate.found && !certificate.erased && certificate.code
			? verifyEventConfirmation(certificate.code)
			: undefined;
	const verification = confirmation?.found ? confirmation : certificate;
	if (confirmation && !confirmation.found && confirmation.erased) {
		return json({ status: 'erased', error: m.events_verify_erased() }, { status: 410 });
	}
	if (!verification.found && 'erased' in verification && verification.erased) {
		return json({ status: 'erased', error: m.privacy_verify_erased() }, { status: 410 });
	}
	if (!verification.found) {
		return json({ error: m.certificates_verify_unknown() }, { status: 404 });
	}
	const key = instancePublicKey();
	const body = {
		status: verification.status,
		revokedAt: verification.revokedAt?.toISOString() ?? null,
		snapshot: verification.snapshot,
		signature: verification.signature,
		algorithm: key.algorithm,
		canonicalization: 'JSON, object keys sorted, no whitespace (UTF-8)',
		publicKey: key.pem,
		publicKeyFingerprint: key.fingerprint
	};
	return json(body, {
		headers: {
			'Content-Disposition': `attachment; filename="${confirmation?.found ? 'teilnahmebestaetigung' : 'zertifikat'}-${verification.snapshot.number}.json"`
		}
	});
};
