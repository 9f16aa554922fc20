import { requireUser } from '$lib/server/auth/guards';
import { glossaryPage } from '$lib/server/glossary';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = (event) => {
	requireUser(event);
	const params = event.url.searchParams;
	const query = (params.get('suche') ?? '').trim().slice(0, 100);
	const glossary = glossaryPage(query);
	const pages = Math.max(1, Math.ceil(glossary.entries.length / PAGE_SIZE));
	const requested = Number.parseInt(params.get('seite') ?? '1', 10) || 1;
	const page = Math.min(pages, Math.max(1, requested));
	return {
		query,
		page,
		pages,
		total: glossary.total,
		found: glossary.entries.length,
		entries: glossary.entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
	};
};
