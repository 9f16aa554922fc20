import type { PageServerLoad } from './$types';

/** The help page links admin pages only for admins; everyone else reads their names. */
export const load: PageServerLoad = ({ locals }) => ({ isAdmin: locals.user?.role === 'admin' });
