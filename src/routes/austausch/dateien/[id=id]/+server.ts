import { error } from '@sveltejs/kit';
import { contentDisposition, openStoredUpload } from '$lib/server/assignments/uploads';
import { requireUser } from '$lib/server/auth/guards';
import { readableAttachment } from '$lib/server/discussions';
import type { RequestHandler } from './$types';

/**
 * A post's file: for those who may read the post now (its space, a hidden post only for its
 * author and the moderators); anyone else gets the 404 of a file that does not exist. Never inline.
 */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const file = readableAttachment(user, event.params.id);
	const stored = file ? await openStoredUpload(file.storedName) : null;
	if (!file || !stored) error(404, 'Not Found');
	return new Response(stored.stream, {
		headers: {
			'Content-Type': file.mimeType,
			'Content-Length': String(stored.size),
			'Content-Disposition': contentDisposition(file.originalName),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		}
	});
};
