import { getLocale } from '$lib/paraglide/runtime';
import { countUnread } from '$lib/server/notifications';
import { canUseStudio } from '$lib/server/studio';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.user
		? { name: locals.user.name, role: locals.user.role, studio: canUseStudio(locals.user) }
		: null,
	unread: locals.user ? countUnread(locals.user.id) : 0,
	locale: getLocale(),
	path: url.pathname + url.search
});
