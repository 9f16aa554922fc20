import type { GlossaryEntry } from './build';

/** Lower case without diacritics, so „Behorde“ finds „Behörde“ and „strasse“ finds „Straße“. */
export function foldForSearch(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.replace(/ß/g, 'ss')
		.toLocaleLowerCase('de');
}

/**
 * Entries whose term, explanation or translation contains every word of the query; terms that
 * match come before entries that only mention the words.
 */
export function searchGlossary(entries: readonly GlossaryEntry[], query: string): GlossaryEntry[] {
	const words = foldForSearch(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return [...entries];
	const inTerm: GlossaryEntry[] = [];
	const elsewhere: GlossaryEntry[] = [];
	for (const entry of entries) {
		const term = foldForSearch(entry.term);
		const all = [term, ...entry.explanations, ...entry.translations.map((t) => t.text)]
			.map(foldForSearch)
			.join('\n');
		if (!words.every((word) => all.includes(word))) continue;
		(words.every((word) => term.includes(word)) ? inTerm : elsewhere).push(entry);
	}
	return [...inTerm, ...elsewhere];
}

/** The first letter an entry is filed under (A–Z; digits and others under „#“). */
export function letterOf(term: string): string {
	const first = foldForSearch(term).charAt(0).toUpperCase();
	return /[A-Z]/.test(first) ? first : '#';
}
