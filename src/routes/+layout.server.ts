import { navLinks } from '$lib/nav-links';
import { getLocale } from '$lib/paraglide/runtime';
import { hasAlumniPage } from '$lib/server/alumni';
import { countUnread } from '$lib/server/notifications';
import { canUseStudio } from '$lib/server/studio';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals: { user }, url }) => ({
	user: user ? { name: user.name } : null,
	links: user ? navLinks(user.role, canUseStudio(user), hasAlumniPage(user)) : [],
	unread: user ? countUnread(user.id) : 0,
	locale: getLocale(),
	path: url.pathname + url.search
});
