import { requireUser } from '$lib/server/auth/guards';
import { getCertificateFor } from '$lib/server/certificates/manage';
import { renderCertificatePdf } from '$lib/server/certificates/pdf';
import { getIssuerImage } from '$lib/server/certificates/settings';
import { verifyUrl } from '$lib/urls';
import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	// Not the owner, not their trainer, not an admin: as if it did not exist.
	const certificate = getCertificateFor(user, event.params.id);
	if (!certificate) error(404, 'not found');
	// A revoked or replaced certificate is not handed out as a document that looks valid: its
	// page says why instead.
	if (certificate.status !== 'valid') redirect(303, `/zertifikate/${certificate.id}`);
	const pdf = await renderCertificatePdf(certificate.snapshot, {
		verifyUrl: `${event.url.origin}${verifyUrl(certificate.code)}`,
		signature: certificate.signature,
		logo: getIssuerImage('logo'),
		signatureImage: getIssuerImage('signature')
	});
	const filename = `${certificate.snapshot.kind}-${certificate.number}.pdf`;
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Content-Length': String(pdf.length),
			'Cache-Control': 'private, no-store'
		}
	});
};
