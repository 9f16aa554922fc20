import { navLinks } from '$lib/nav-links';
import { getLocale } from '$lib/paraglide/runtime';
import { hasAlumniPage } from '$lib/server/alumni';
import { countUnread } from '$lib/server/notifications';
import { getCourseLanguages } from '$lib/server/content';
import { canUseStudio } from '$lib/server/studio';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals: { user }, url }) => ({
	user: user ? { name: user.name } : null,
	links: user ? navLinks(user.role, canUseStudio(user), hasAlumniPage(user)) : [],
	unread: user ? countUnread(user.id) : 0,
	// Course content is shown to people with an account; visitors get no list of courses.
	contentLanguages: user ? getCourseLanguages() : {},
	locale: getLocale(),
	path: url.pathname + url.search
});
