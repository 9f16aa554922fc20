import { requireUser } from '$lib/server/auth/guards';
import { listUsers } from '$lib/server/auth/users';
import { isRole } from '$lib/auth/roles';
import type { PageServerLoad } from './$types';
import { pageParam } from '$lib/server/http/page-param';

export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	const params = event.url.searchParams;
	const query = (params.get('suche') ?? '').slice(0, 200);
	const roleParam = params.get('rolle');
	const role = isRole(roleParam) ? roleParam : undefined;
	const page = pageParam(params);
	return {
		query,
		role: role ?? '',
		result: listUsers({ query, role, page }),
		erased: params.get('geloescht') === '1'
	};
};
