import { auditActions } from '$lib/server/audit';
import { filterQuery, listAuditLog, parseAuditFilter } from '$lib/server/audit/browse';
import { requireUser } from '$lib/server/auth/guards';
import { retentionConfig } from '$lib/server/privacy';
import type { PageServerLoad } from './$types';
import { pageParam } from '$lib/server/http/page-param';

export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	const params = event.url.searchParams;
	const filter = parseAuditFilter(params);
	const page = pageParam(params);
	return {
		filter,
		query: filterQuery(filter),
		actions: [...auditActions],
		result: listAuditLog(filter, page),
		auditMonths: retentionConfig().auditMonths
	};
};
