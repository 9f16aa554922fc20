import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { canUseStudio } from '$lib/server/studio';
import type { LayoutServerLoad } from './$types';

// Pages only: every action and endpoint below checks the course right itself.
export const load: LayoutServerLoad = (event) => {
	const user = requireUser(event, 'trainer');
	if (!canUseStudio(user)) error(403, 'forbidden');
	return {};
};
