import { pageParam } from '$lib/server/http/page-param';
import { getItem } from '$lib/server/content';
import {
	countBySection,
	countOpenReports,
	discussableItem,
	isUnread,
	listThreads,
	requireDiscussion,
	sectionIn,
	sectionsOf,
	sectionTitle,
	authorLabel,
	postUrl,
	searchExcerpt,
	searchParam,
	searchThreads,
	spaceView,
	threadUrl,
	type ThreadFilter
} from '$lib/server/discussions';
import type { PageServerLoad } from './$types';

/** `?bereich=` a module ID or `allgemein`; `?eintrag=` a lesson or task. Unknown values: all. */
function filterOf(courseId: string, params: URLSearchParams): ThreadFilter {
	const section = params.get('bereich');
	const moduleId =
		section === null ? undefined : sectionIn(courseId, section === 'allgemein' ? '' : section);
	const item = discussableItem(courseId, params.get('eintrag') ?? '');
	return { moduleId, itemId: item?.id };
}

/** `?suche=`: the space's threads whose title or a readable post contains the term. */
function searchOf(access: ReturnType<typeof requireDiscussion>, params: URLSearchParams) {
	const request = searchParam(params);
	if (request.kind === 'none') return null;
	if (request.kind === 'invalid')
		return { term: request.value, error: request.message, results: null };
	const { user, role, space, courseId } = access;
	const { term } = request;
	const result = searchThreads(space, { id: user.id, role }, term, pageParam(params));
	return {
		term,
		error: null,
		results: {
			threads: result.rows.map((thread) => ({
				id: thread.id,
				title: thread.title,
				section: sectionTitle(courseId, thread.moduleId),
				url: thread.postId ? postUrl(space, thread.id, thread.postId) : threadUrl(space, thread.id),
				excerpt: thread.body ? searchExcerpt(thread.body, term) : null
			})),
			total: result.total,
			page: result.page,
			pages: result.pages
		}
	};
}

export const load: PageServerLoad = (event) => {
	const access = requireDiscussion(event);
	const { user, role, space, courseId } = access;
	const filter = filterOf(courseId, event.url.searchParams);
	const result = listThreads(space, user.id, filter, pageParam(event.url.searchParams));
	const counts = countBySection(space);
	return {
		space: spaceView(space),
		moderator: role === 'moderator',
		/** Trainers start a kollegiale Fallberatung in a cohort's Austausch. */
		caseConsultation: role === 'moderator' && space.kind === 'cohort',
		openReports: role === 'moderator' ? countOpenReports(space) : 0,
		sections: sectionsOf(courseId).map((section) => ({
			...section,
			count: counts.get(section.id) ?? 0
		})),
		filter: {
			section: filter.moduleId === undefined ? null : (filter.moduleId ?? 'allgemein'),
			item: filter.itemId ? { id: filter.itemId, title: getItem(filter.itemId)?.title ?? '' } : null
		},
		threads: result.rows.map((thread) => ({
			id: thread.id,
			url: threadUrl(space, thread.id),
			title: thread.title,
			authorName: authorLabel(thread),
			section: sectionTitle(courseId, thread.moduleId),
			itemTitle: thread.itemId ? (getItem(thread.itemId)?.title ?? null) : null,
			pinned: thread.pinned,
			locked: thread.lockedAt !== null,
			replies: thread.replies,
			lastPostAt: thread.lastPostAt,
			unread: isUnread(thread)
		})),
		total: result.total,
		page: result.page,
		pages: result.pages,
		search: searchOf(access, event.url.searchParams),
		/** After the author deleted an unanswered thread. */
		threadDeleted: event.url.searchParams.has('geloescht')
	};
};
