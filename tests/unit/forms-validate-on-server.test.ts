import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

// A form with fields leaves checking to the server (`novalidate`): the browser's own bubbles
// speak the browser's language, not the page's, and skip the error summary and its focus.
// `required`, `type="email"` and `min`/`max` stay on the fields for assistive technology.

const FIELD =
	/<(textarea|select)\b|<input\b(?![^>]*type="(hidden|radio|checkbox|file|submit)")|<[A-Z]\w*Fields?\b|<Choice\b/;

/** Opening tags of `<form>` (attribute values may hold `=>` inside braces) with their bodies. */
function forms(source: string): { attributes: string; body: string }[] {
	const found: { attributes: string; body: string }[] = [];
	for (const match of source.matchAll(/<form\b/g)) {
		let index = match.index + match[0].length;
		let depth = 0;
		for (; index < source.length; index++) {
			const char = source[index];
			if (char === '{') depth++;
			else if (char === '}') depth--;
			else if (char === '>' && depth === 0) break;
		}
		const end = source.indexOf('</form>', index);
		found.push({
			attributes: source.slice(match.index, index),
			body: source.slice(index + 1, end)
		});
	}
	return found;
}

const browserValidated = (source: string) =>
	forms(source).filter(
		({ attributes, body }) => !/\bnovalidate\b/.test(attributes) && FIELD.test(body)
	).length;

describe('forms are checked by the server, in German', () => {
	it('every form with fields has novalidate', () => {
		const offenders = sourceFiles('src', '.svelte').filter((file) =>
			browserValidated(readFileSync(file, 'utf8'))
		);
		expect(offenders).toEqual([]);
	});

	it('the check finds a form with fields, also behind an arrow function in an attribute', () => {
		expect(browserValidated('<form method="POST"><TextField name="a" /></form>')).toBe(1);
		expect(
			browserValidated(
				'<form use:enhance={() => ({ update }) => update()}><select></select></form>'
			)
		).toBe(1);
		expect(browserValidated('<form novalidate><textarea></textarea></form>')).toBe(0);
		expect(
			browserValidated('<form><input type="hidden" name="id" /><button>x</button></form>')
		).toBe(0);
	});
});
