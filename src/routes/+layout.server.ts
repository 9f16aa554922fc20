import { getLocale } from '$lib/paraglide/runtime';
import { countUnread } from '$lib/server/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => ({
	user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
	unread: locals.user ? countUnread(locals.user.id) : 0,
	locale: getLocale(),
	path: url.pathname + url.search
});
