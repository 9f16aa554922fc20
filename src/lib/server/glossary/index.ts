import { currentContent, type ContentVersion } from '$lib/server/content';
import { getLocale } from '$lib/paraglide/runtime';
import { itemUrl } from '$lib/urls';
import { buildGlossary, findTermUses, type GlossaryEntry } from './build';
import { letterOf, searchGlossary } from './search';

export { findTermUses, buildGlossary, type GlossaryEntry } from './build';
export { foldForSearch, letterOf, searchGlossary } from './search';

// Built once per content version: the glossary changes only when the content does.
const built = new WeakMap<ContentVersion, GlossaryEntry[]>();

function glossaryOf(version: ContentVersion): GlossaryEntry[] {
	let entries = built.get(version);
	if (!entries) {
		const uses = [...version.index.itemById.values()].flatMap((item) => {
			const body = version.bodies.get(item.id);
			return body ? findTermUses(body.raw, item.id) : [];
		});
		entries = buildGlossary(version.glossary, uses);
		built.set(version, entries);
	}
	return entries;
}

/** A glossary entry as the page shows it: where the term is explained, with links. */
export interface GlossaryEntryView {
	term: string;
	letter: string;
	explanations: string[];
	/** `name` is the language's name in the reader's language, e.g. „Türkisch“. */
	translations: { language: string; name: string; text: string }[];
	usedIn: { title: string; courseTitle: string; href: string }[];
}

export interface GlossaryPage {
	entries: GlossaryEntryView[];
	/** Number of entries before the search. */
	total: number;
}

/** The instance's glossary, searched for `query` (empty: everything). */
export function glossaryPage(query: string): GlossaryPage {
	const version = currentContent();
	const all = glossaryOf(version);
	const { itemById, courseById } = version.index;
	const languageNames = new Intl.DisplayNames([getLocale()], {
		type: 'language',
		fallback: 'code'
	});
	const entries = searchGlossary(all, query).map((entry) => ({
		term: entry.term,
		letter: letterOf(entry.term),
		explanations: entry.explanations,
		translations: entry.translations.map((translation) => ({
			...translation,
			name: languageNames.of(translation.language) ?? translation.language
		})),
		usedIn: entry.usedIn.flatMap((id) => {
			const item = itemById.get(id);
			const course = item && courseById.get(item.courseId);
			return item && course
				? [{ title: item.title, courseTitle: course.title, href: itemUrl(item) }]
				: [];
		})
	}));
	return { entries, total: all.length };
}
