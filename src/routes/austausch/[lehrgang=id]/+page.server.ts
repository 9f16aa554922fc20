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

export const load: PageServerLoad = (event) => {
	const { user, role, cohort } = requireDiscussion(event);
	const filter = filterOf(cohort.courseId, event.url.searchParams);
	const result = listThreads(cohort.id, user.id, filter, pageParam(event.url.searchParams));
	const counts = countBySection(cohort.id);
	return {
		cohort: { id: cohort.id, name: cohort.name },
		moderator: role === 'moderator',
		openReports: role === 'moderator' ? countOpenReports(cohort.id) : 0,
		sections: sectionsOf(cohort.courseId).map((section) => ({
			...section,
			count: counts.get(section.id) ?? 0
		})),
		filter: {
			section: filter.moduleId === undefined ? null : (filter.moduleId ?? 'allgemein'),
			item: filter.itemId ? { id: filter.itemId, title: getItem(filter.itemId)?.title ?? '' } : null
		},
		threads: result.rows.map((thread) => ({
			id: thread.id,
			url: threadUrl(cohort.id, thread.id),
			title: thread.title,
			authorName: authorLabel(thread),
			section: sectionTitle(cohort.courseId, thread.moduleId),
			itemTitle: thread.itemId ? (getItem(thread.itemId)?.title ?? null) : null,
			pinned: thread.pinned,
			locked: thread.lockedAt !== null,
			replies: thread.replies,
			lastPostAt: thread.lastPostAt,
			unread: isUnread(thread)
		})),
		total: result.total,
		page: result.page,
		pages: result.pages
	};
};
