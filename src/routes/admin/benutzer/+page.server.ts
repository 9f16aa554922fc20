import { requireUser } from '$lib/server/auth/guards';
import { listUsers } from '$lib/server/auth/users';
import { roles, type Role } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	const params = event.url.searchParams;
	const query = (params.get('suche') ?? '').slice(0, 200);
	const roleParam = params.get('rolle');
	const role = roles.includes(roleParam as Role) ? (roleParam as Role) : undefined;
	const page = Math.min(10_000, Math.max(1, Number.parseInt(params.get('seite') ?? '1', 10) || 1));
	return {
		query,
		role: role ?? '',
		result: listUsers({ query, role, page }),
		erased: params.get('geloescht') === '1'
	};
};
