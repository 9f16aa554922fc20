import { z } from 'zod';
import { readFrontmatter, validateFrontmatter } from './frontmatter';
import type { ContentSource } from './index-types';
import { parseMarkdown } from './markdown';
import { ProblemList } from './problems';

/** Where the instance's glossary lives, beside `courses/` in the content folder. */
export const GLOSSARY_FILE = 'glossar.md';

/** A language tag such as `en`, `tr`, `ar` or `fa-AF`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;

// German messages for these issues come from frontmatter.ts, as for every other file.
const text = z.string().trim().min(1).max(600);

const entrySchema = z.strictObject({
	begriff: z.string().trim().min(1).max(80),
	erklaerung: text,
	uebersetzungen: z.record(z.string(), text).optional()
});

const glossarySchema = z.strictObject({ begriffe: z.array(entrySchema).min(1) });

export type GlossaryFileEntry = z.output<typeof entrySchema>;

/**
 * Reads `glossar.md`: terms with explanations and optional translations, in its frontmatter.
 * Problems go to `problems` with their lines; a term listed twice is an error.
 */
export function parseGlossaryFile(source: ContentSource, problems: ProblemList): GlossaryFileEntry[] {
	const frontmatter = readFrontmatter(parseMarkdown(source.raw), source.path, problems);
	const data = validateFrontmatter(glossarySchema, frontmatter, source.path, problems);
	if (!data) return [];
	const seen = new Map<string, number>();
	data.begriffe.forEach((entry, index) => {
		for (const language of Object.keys(entry.uebersetzungen ?? {})) {
			if (LANGUAGE_TAG.test(language)) continue;
			problems.error(
				source.path,
				frontmatter.lineOf(['begriffe', index, 'uebersetzungen', language]),
				`„${language}“ ist kein Sprachkürzel; verwenden Sie zum Beispiel „en“, „tr“, „ar“ oder „fa-AF“.`
			);
		}
		const key = entry.begriff.toLocaleLowerCase('de');
		const line = frontmatter.lineOf(['begriffe', index, 'begriff']);
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			problems.error(
				source.path,
				line,
				`Der Begriff „${entry.begriff}“ steht schon in Zeile ${earlier}; bitte zusammenfassen.`
			);
		} else seen.set(key, line);
	});
	return data.begriffe;
}

/** `glossar.md` when a folder has one: its entries and problems (none without the file). */
export function checkGlossaryFile(source: ContentSource | undefined): {
	entries: GlossaryFileEntry[];
	problems: ProblemList;
} {
	const problems = new ProblemList();
	return { entries: source ? parseGlossaryFile(source, problems) : [], problems };
}
