import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { cookieName, isLocale } from '$lib/paraglide/runtime';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const locale = form.get('locale');
		if (typeof locale === 'string' && isLocale(locale)) {
			cookies.set(cookieName, locale, {
				path: '/',
				maxAge: 60 * 60 * 24 * 365,
				httpOnly: false,
				secure: true,
				sameSite: 'lax'
			});
		}
		const target = form.get('weiter');
		redirect(303, safeRedirectTarget(typeof target === 'string' ? target : '/', url.origin));
	}
};
