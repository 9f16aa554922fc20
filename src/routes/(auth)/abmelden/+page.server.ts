import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/session';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/anmelden');
};

export const actions: Actions = {
	default: ({ locals, cookies }) => {
		if (locals.session) invalidateSession(locals.session.id);
		deleteSessionCookie(cookies);
		redirect(303, '/anmelden?abgemeldet=1');
	}
};
