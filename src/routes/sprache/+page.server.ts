import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import { setMailLocale } from '$lib/server/mail';
import { cookieName, isLocale } from '$lib/paraglide/runtime';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
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
			if (locals.user) setMailLocale(locals.user.id, locale);
		}
		const target = form.get('weiter');
		redirect(303, safeRedirectTarget(typeof target === 'string' ? target : '/', url.origin));
	}
};
