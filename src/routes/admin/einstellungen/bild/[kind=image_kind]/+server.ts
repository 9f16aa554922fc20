import { requireUser } from '$lib/server/auth/guards';
import { getIssuerImage } from '$lib/server/certificates/settings';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The stored logo or signature, for the preview on the settings page. */
export const GET: RequestHandler = (event) => {
	requireUser(event, 'admin');
	const image = getIssuerImage(event.params.kind);
	if (!image) error(404, 'not found');
	return new Response(new Uint8Array(image.data), {
		headers: { 'Content-Type': image.mimeType, 'Cache-Control': 'private, no-store' }
	});
};
