import type { GlossaryFileEntry } from '../content/glossary-file';

/** A `<Begriff>` in a lesson or Praxisaufgabe. */
export interface TermUse {
	term: string;
	explanation: string;
	itemId: string;
}

export interface GlossaryEntry {
	term: string;
	/** The glossary file's explanation; without one, the different ones given in lessons. */
	explanations: string[];
	translations: { language: string; text: string }[];
	/** Items that explain the term, in catalogue order, each once. */
	usedIn: string[];
}

const BEGRIFF = /<Begriff\s+erklaerung="([^"]*)"\s*>([\s\S]*?)<\/Begriff>/g;

/** The `<Begriff>` uses in one Markdown body (the content check has already validated them). */
export function findTermUses(raw: string, itemId: string): TermUse[] {
	return [...raw.matchAll(BEGRIFF)].map((match) => ({
		// Emphasis marks go, escaped characters stay: `**Widerspruch**`, `Migrant\*innen`.
		term: match[2]!
			.replace(/(?<!\\)[*_`]/g, '')
			.replace(/\\(.)/g, '$1')
			.replace(/\s+/g, ' ')
			.trim(),
		explanation: match[1]!.replace(/\s+/g, ' ').trim(),
		itemId
	}));
}

const keyOf = (term: string) => term.toLocaleLowerCase('de');
const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** One entry per term (case-insensitive), from the glossary file and the lessons, sorted A–Z. */
export function buildGlossary(
	fileEntries: readonly GlossaryFileEntry[],
	uses: readonly TermUse[]
): GlossaryEntry[] {
	const byKey = new Map<string, GlossaryEntry>();
	const fromFile = new Set(fileEntries.map((entry) => keyOf(entry.begriff)));
	const entryFor = (term: string) => {
		let entry = byKey.get(keyOf(term));
		if (!entry) {
			entry = { term, explanations: [], translations: [], usedIn: [] };
			byKey.set(keyOf(term), entry);
		}
		return entry;
	};
	for (const fileEntry of fileEntries) {
		const entry = entryFor(fileEntry.begriff);
		entry.explanations.push(fileEntry.erklaerung);
		entry.translations = Object.entries(fileEntry.uebersetzungen ?? {}).map(([language, text]) => ({
			language,
			text
		}));
	}
	for (const use of uses) {
		if (!use.term) continue;
		const entry = entryFor(use.term);
		const fileExplains = fromFile.has(keyOf(use.term));
		if (!fileExplains && use.explanation && !entry.explanations.includes(use.explanation)) {
			entry.explanations.push(use.explanation);
		}
		if (!entry.usedIn.includes(use.itemId)) entry.usedIn.push(use.itemId);
	}
	return [...byKey.values()].sort((a, b) => collator.compare(a.term, b.term));
}
