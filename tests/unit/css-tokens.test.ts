import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

// Design tokens (custom properties) are defined once, mostly in src/app.css with their dark-mode
// values: a var() of an undefined token silently takes its fallback in both colour schemes.
const styleSources = () =>
	[...sourceFiles('src', '.svelte'), ...sourceFiles('src', '.css')].map((file) => ({
		file,
		text: readFileSync(file, 'utf8')
	}));

const matches = (text: string, pattern: RegExp) =>
	[...text.matchAll(pattern)].map((match) => match[1]!);

describe('CSS custom properties', () => {
	const sources = styleSources();
	const defined = new Set(sources.flatMap(({ text }) => matches(text, /(--[\w-]+)\s*:/g)));
	const used = sources.flatMap(({ file, text }) =>
		matches(text, /var\(\s*(--[\w-]+)/g).map((token) => ({ file, token }))
	);

	it('are defined wherever they are used', () => {
		expect(used.filter(({ token }) => !defined.has(token))).toEqual([]);
	});

	it('are used wherever they are defined', () => {
		const usedTokens = new Set(used.map(({ token }) => token));
		expect([...defined].filter((token) => !usedTokens.has(token))).toEqual([]);
	});
});
