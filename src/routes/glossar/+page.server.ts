import { requireUser } from '$lib/server/auth/guards';
import { glossaryPage } from '$lib/server/glossary';
import type { PageServerLoad } from './$types';
import { pageParam } from '$lib/server/http/page-param';
import { pageOf } from '$lib/server/db/paging';

const PAGE_SIZE = 50;

export const load: PageServerLoad = (event) => {
	requireUser(event);
	const params = event.url.searchParams;
	const query = (params.get('suche') ?? '').trim().slice(0, 100);
	const glossary = glossaryPage(query);
	const { rows: entries, page, pages } = pageOf(glossary.entries, pageParam(params), PAGE_SIZE);
	return {
		query,
		page,
		pages,
		total: glossary.total,
		found: glossary.entries.length,
		entries
	};
};
