import { error } from '@sveltejs/kit';
import { getIssuerImage } from '$lib/server/certificates/settings';
import { confirmationOf, requireEventGuest } from '$lib/server/events';
// Imported here, not through the events index: pdfkit and its fonts load with the first PDF.
import { renderEventConfirmationPdf } from '$lib/server/events/pdf';
import { verifyUrl } from '$lib/urls';
import type { RequestHandler } from './$types';

/** The holder's own Teilnahmebestätigung; a revoked or replaced one is not handed out. */
export const GET: RequestHandler = async (event) => {
	const { user, event: record } = requireEventGuest(event);
	const confirmation = confirmationOf(record.id, user.id);
	if (!confirmation || confirmation.status !== 'valid') error(404, 'not found');
	const pdf = await renderEventConfirmationPdf(confirmation.snapshot, {
		verifyUrl: `${event.url.origin}${verifyUrl(confirmation.code)}`,
		signature: confirmation.signature,
		logo: getIssuerImage('logo'),
		signatureImage: getIssuerImage('signature')
	});
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="teilnahmebestaetigung-${confirmation.number}.pdf"`,
			'Content-Length': String(pdf.length),
			'Cache-Control': 'private, no-store'
		}
	});
};
