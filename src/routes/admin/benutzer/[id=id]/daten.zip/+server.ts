import { requireUser } from '$lib/server/auth/guards';
import { exportPersonalData, zipHeaders } from '$lib/server/privacy';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** An admin exports a person's data (e.g. for a request by letter); logged as data.exported. */
export const GET: RequestHandler = async (event) => {
	const admin = requireUser(event, 'admin');
	const exported = await exportPersonalData(event.params.id, admin.id);
	if (!exported) error(404, 'not found');
	return new Response(exported.stream, { headers: zipHeaders(exported.filename) });
};
