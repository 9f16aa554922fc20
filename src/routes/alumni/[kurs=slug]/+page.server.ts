import {
	directoryChoices,
	getProfile,
	listDirectory,
	requireAlumniNetwork,
	type DirectoryFilter
} from '$lib/server/alumni';
import { pageParam } from '$lib/server/http/page-param';
import type { PageServerLoad } from './$types';

/** `?sprache=` and `?thema=`: one of the values shown in the directory; anything else: all. */
function filterOf(params: URLSearchParams, choices: ReturnType<typeof directoryChoices>) {
	const pick = (value: string | null, known: string[]) =>
		known.find((entry) => entry.toLowerCase() === value?.trim().toLowerCase());
	const filter: DirectoryFilter = {
		language: pick(params.get('sprache'), choices.languages),
		topic: pick(params.get('thema'), choices.topics)
	};
	return filter;
}

export const load: PageServerLoad = (event) => {
	const { user, role, course } = requireAlumniNetwork(event);
	const choices = directoryChoices(course.id);
	const filter = filterOf(event.url.searchParams, choices);
	const result = listDirectory(course.id, filter, pageParam(event.url.searchParams));
	return {
		course: { id: course.id, title: course.title },
		choices,
		filter: { language: filter.language ?? '', topic: filter.topic ?? '' },
		people: result.rows,
		total: result.total,
		page: result.page,
		pages: result.pages,
		/** A member not (yet) shown gets a hint how to appear. */
		ownHint: role === 'member' && !getProfile(user.id).visible
	};
};
