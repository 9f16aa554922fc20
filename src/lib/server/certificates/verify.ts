import type { CertificateSnapshot, CertificateStatus } from '$lib/certificates';
import { normaliseVerificationCode } from './codes';
import { getCertificateByCode, isErasedCertificateCode } from './queries';
import { publicKeyFingerprint, publicKeyPem, verifySnapshot } from './signing';

export type Verification =
	| { found: false; code: string | null; erased?: boolean }
	| {
			found: true;
			code: string;
			status: CertificateStatus;
			/** Only the date: the reason stays internal. */
			revokedAt: Date | null;
			snapshot: CertificateSnapshot;
			signature: string;
			signatureValid: boolean;
	  };

/** What the public may learn about a code: the printed data and its status, nothing else. */
export function verifyCode(input: string): Verification {
	const code = normaliseVerificationCode(input);
	const certificate = code ? getCertificateByCode(code) : undefined;
	if (!code) return { found: false, code };
	// The holder was deleted: the code is known, nothing about the person is shown.
	if (!certificate) {
		return isErasedCertificateCode(code)
			? { found: false, code, erased: true }
			: { found: false, code };
	}
	return {
		found: true,
		code,
		status: certificate.status,
		revokedAt: certificate.revokedAt,
		snapshot: certificate.snapshot,
		signature: certificate.signature,
		signatureValid: verifySnapshot(certificate.snapshot, certificate.signature)
	};
}

export function instancePublicKey() {
	const pem = publicKeyPem();
	return { pem, fingerprint: publicKeyFingerprint(pem), algorithm: 'Ed25519' as const };
}
