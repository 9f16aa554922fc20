import { requireUser } from '$lib/server/auth/guards';
import { exportPersonalData, zipHeaders } from '$lib/server/privacy';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Art. 15/20 DSGVO: the signed-in person's own data as a streamed ZIP. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const exported = await exportPersonalData(user.id, user.id);
	if (!exported) error(404, 'not found');
	return new Response(exported.stream, { headers: zipHeaders(exported.filename) });
};
