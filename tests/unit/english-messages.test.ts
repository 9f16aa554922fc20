import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// An English message that is word for word the German one was almost always forgotten, not
// translated: 114 privacy texts once reached English users that way. Only words that are the
// same in both languages may stay; placeholders ({name}) and punctuation don't count.

const root = join(import.meta.dirname, '../..');

/** Words an English text may share with the German one. Keep it short: add a word only if it
 * is the right English word too, never to silence a text that still needs translating. */
const SAME_IN_BOTH = new Set([
	'Alumni',
	'Cookies',
	'Details',
	'Info',
	'KB',
	'Lernplattform', // the product's name
	'Logo',
	'Markdown',
	'Matrix',
	'Mentoring',
	'Moderation',
	'Name',
	'Online',
	'Organisation',
	'Person',
	'Phase',
	'Position',
	'Quiz',
	'Status',
	'Studio',
	'Text'
]);

type Messages = Record<string, unknown>;

function readMessages(locale: string): Map<string, Messages> {
	const dir = join(root, 'messages', locale);
	return new Map(
		readdirSync(dir).map((file) => [file, JSON.parse(readFileSync(join(dir, file), 'utf8'))])
	);
}

/** The words a reader sees: every text of a message (all plural variants), without placeholders. */
function words(message: unknown): string[] {
	const texts: string[] = [];
	const collect = (value: unknown, key = ''): void => {
		if (typeof value === 'string') {
			// Declarations ("input count") and selectors are code, not text.
			if (key !== 'declarations' && key !== 'selectors') texts.push(value);
		} else if (Array.isArray(value)) value.forEach((item) => collect(item, key));
		else if (value && typeof value === 'object')
			for (const [k, v] of Object.entries(value)) collect(v, k);
	};
	collect(message);
	return texts.flatMap((text) => text.replace(/\{[^}]*\}/g, ' ').match(/\p{L}+/gu) ?? []);
}

function untranslated(de: Map<string, Messages>, en: Map<string, Messages>): string[] {
	return [...de].flatMap(([file, german]) =>
		Object.entries(german)
			.filter(([key]) => key !== '$schema')
			.filter(([key, text]) => JSON.stringify(en.get(file)?.[key]) === JSON.stringify(text))
			.filter(([, text]) => words(text).some((word) => !SAME_IN_BOTH.has(word)))
			.map(([key]) => `${file}: ${key}`)
	);
}

describe('English messages', () => {
	it('has no message left in German', () => {
		expect(untranslated(readMessages('de'), readMessages('en'))).toEqual([]);
	});

	it('flags a German text copied into English, but not shared words or bare placeholders', () => {
		const de = new Map([
			[
				'x.json',
				{
					forgotten: 'Keine Einträge.',
					same: 'Status',
					template: 'Logo: {name}',
					placeholders: '{place}, {date}',
					plural: [
						{
							declarations: ['input count', 'local n = count: plural'],
							selectors: ['n'],
							match: { 'n=one': '1 Eintrag', 'n=other': '{count} Einträge' }
						}
					]
				}
			]
		]);
		const en = new Map([['x.json', structuredClone(de.get('x.json')!)]]);
		expect(untranslated(de, en)).toEqual(['x.json: forgotten', 'x.json: plural']);
	});

	it('does not flag a plural message whose variants are translated', () => {
		const message = (one: string, other: string) => [
			{
				declarations: ['input count', 'local n = count: plural'],
				selectors: ['n'],
				match: { 'n=one': one, 'n=other': other }
			}
		];
		const de = new Map([['x.json', { count: message('1 Eintrag', '{count} Einträge') }]]);
		const en = new Map([['x.json', { count: message('1 entry', '{count} entries') }]]);
		expect(untranslated(de, en)).toEqual([]);
	});
});
