import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentSnapshot } from './disk';
import { parseGlossaryFile } from './glossary-file';
import { prepareContent } from './prepare';
import { ProblemList } from './problems';

const parse = (raw: string) => {
	const problems = new ProblemList();
	const entries = parseGlossaryFile({ path: 'glossar.md', raw }, problems);
	return { entries, errors: problems.errors.map((e) => `${e.line}: ${e.message}`) };
};

const VALID = `---
begriffe:
  - begriff: Bescheid
    erklaerung: Eine verbindliche Entscheidung einer Behörde.
    uebersetzungen:
      tr: resmî karar
      fa-AF: تصمیم
  - begriff: Frist
    erklaerung: Bis wann etwas erledigt sein muss.
---
`;

describe('glossar.md', () => {
	it('reads terms, explanations and translations', () => {
		const { entries, errors } = parse(VALID);
		expect(errors).toEqual([]);
		expect(entries).toEqual([
			{
				begriff: 'Bescheid',
				erklaerung: 'Eine verbindliche Entscheidung einer Behörde.',
				uebersetzungen: { tr: 'resmî karar', 'fa-AF': 'تصمیم' }
			},
			{ begriff: 'Frist', erklaerung: 'Bis wann etwas erledigt sein muss.' }
		]);
	});

	it('reports a term listed twice, in any case, at its line', () => {
		const twice = `${VALID.slice(0, VALID.lastIndexOf('---'))}  - begriff: bescheid\n    erklaerung: Noch einmal.\n---\n`;
		expect(parse(twice).errors).toEqual([
			'10: Der Begriff „bescheid“ steht schon in Zeile 3; bitte zusammenfassen.'
		]);
	});

	it('rejects language codes that are not language tags, unknown keys and empty explanations', () => {
		const raw = `---
begriffe:
  - begriff: Frist
    erklaerung: ""
    farbe: rot
    uebersetzungen:
      Türkisch: süre
---
`;
		const { errors } = parse(raw);
		expect(errors).toContain('4: „erklaerung“ darf nicht leer sein.');
		expect(errors).toContain('5: Unbekannter Schlüssel „farbe“ im Frontmatter.');
		expect(errors).toHaveLength(2);
		const language = parse(raw.replace('    erklaerung: ""\n    farbe: rot\n', '    erklaerung: Bis wann.\n'));
		expect(language.errors).toEqual([
			'6: „Türkisch“ ist kein Sprachkürzel; verwenden Sie zum Beispiel „en“, „tr“, „ar“ oder „fa-AF“.'
		]);
	});

	it('keeps a content version with a broken glossary from going live', () => {
		const fixture = resolve(import.meta.dirname, '../../../../tests/fixtures/content/valid');
		const snapshot = readContentSnapshot(fixture)!;
		const broken = prepareContent({ ...snapshot, glossary: { path: 'glossar.md', raw: '---\nbegriffe: []\n---\n' } });
		expect(broken.ok).toBe(false);
		const fine = prepareContent({ ...snapshot, glossary: { path: 'glossar.md', raw: VALID } });
		expect(fine.ok && fine.version.glossary.map((entry) => entry.begriff)).toEqual(['Bescheid', 'Frist']);
	});
});
