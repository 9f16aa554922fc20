import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// One term per concept: the README's Begriffe table names the words not to use ("nicht"); no
// German UI text and no quiz title in the shipped courses may use them.

const root = join(import.meta.dirname, '../..');

function avoidedTerms(): string[] {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const table = readme
		.split('### Begriffe')[1]!
		.split('\n\n')
		.find((part) => part.startsWith('|'))!;
	return table
		.split('\n')
		.slice(2)
		.flatMap((row) => (row.split('|')[3] ?? '').split(','))
		.map((term) => term.trim())
		.filter(Boolean);
}

/** Whole words only: „Testament“ or „Einbürgerungstest“ are no quizzes. */
const usesTerm = (text: string, term: string) =>
	new RegExp(`(?<![\\p{L}-])${term}(?:s|e|en)?(?![\\p{L}])`, 'u').test(text);

function uiTexts(): [string, string][] {
	const dir = join(root, 'messages/de');
	return readdirSync(dir).flatMap((file) =>
		Object.entries(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>)
			.filter(([key]) => key !== '$schema')
			.map(([key, value]): [string, string] => [key, JSON.stringify(value)])
	);
}

function quizTitles(dir = join(root, 'content/courses')): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return quizTitles(path);
		if (!entry.name.endsWith('.md')) return [];
		const text = readFileSync(path, 'utf8');
		if (!/^type: quiz$/m.test(text)) return [];
		return [text.match(/^title: (.*)$/m)?.[1] ?? ''];
	});
}

describe('one term per concept', () => {
	const terms = avoidedTerms();

	it('reads the avoided terms from the README', () => {
		expect(terms).toEqual(expect.arrayContaining(['Test', 'Wissenscheck', 'Feedback']));
	});

	it('no German UI text uses an avoided term', () => {
		const offenders = uiTexts().flatMap(([key, text]) =>
			terms.filter((term) => usesTerm(text, term)).map((term) => `${key}: ${term}`)
		);
		expect(offenders).toEqual([]);
	});

	it('no quiz in the shipped courses is titled with an avoided term', () => {
		const titles = quizTitles();
		expect(titles.length).toBeGreaterThan(10);
		const offenders = titles.filter((title) => terms.some((term) => usesTerm(title, term)));
		expect(offenders).toEqual([]);
	});

	it('matches whole words only', () => {
		expect(usesTerm('Diesen Test bestanden', 'Test')).toBe(true);
		expect(usesTerm('Auswertung der Tests', 'Test')).toBe(true);
		expect(usesTerm('Einbürgerungstest und Testament', 'Test')).toBe(false);
		expect(usesTerm('Bitte überarbeiten Sie', 'Bitte überarbeiten')).toBe(true);
	});
});
