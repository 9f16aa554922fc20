import { page } from '$app/state';
import { contentLanguageOf } from '$lib/content/language';

/**
 * The `lang` of course content on the current page: the declared language of the course that
 * `id` (a course, module or item ID) belongs to, from the root layout's data. Always set, also
 * when it equals the interface language, so that content keeps its language whatever the
 * reader chose. Call it from markup: `<a lang={contentLang(item.id)}>{item.title}</a>`.
 */
export function contentLang(id?: string | null): string {
	return contentLanguageOf(page.data.contentLanguages, id);
}
