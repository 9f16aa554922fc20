import { requireUser } from '$lib/server/auth/guards';
import { listUsers } from '$lib/server/auth/users';
import { isRole } from '$lib/auth/roles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	const params = event.url.searchParams;
	const query = (params.get('suche') ?? '').slice(0, 200);
	const roleParam = params.get('rolle');
	const role = isRole(roleParam) ? roleParam : undefined;
	const page = Math.min(10_000, Math.max(1, Number.parseInt(params.get('seite') ?? '1', 10) || 1));
	return {
		query,
		role: role ?? '',
		result: listUsers({ query, role, page }),
		erased: params.get('geloescht') === '1'
	};
};
