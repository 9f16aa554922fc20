import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_HTML_TAG, languageTransform, textDirection } from './request-locale';

describe('textDirection', () => {
	it('knows the writing direction', () => {
		expect(textDirection('de')).toBe('ltr');
		expect(textDirection('en')).toBe('ltr');
	});
});

describe('the html tag of a page', () => {
	const template = readFileSync('src/app.html', 'utf8');

	it('is written in the base language in app.html, once', () => {
		expect(BASE_HTML_TAG).toBe('<html lang="de" dir="ltr">');
		expect(template.split(BASE_HTML_TAG)).toHaveLength(2);
	});

	it('names the reader’s language when it is another', () => {
		const page = template.replace('%sveltekit.body%', '<p>lang="de"</p>');
		const english = languageTransform('en')!({ html: page });
		expect(english).toContain('<html lang="en" dir="ltr">');
		expect(english).not.toContain(BASE_HTML_TAG);
		expect(english).toContain('<p>lang="de"</p>');
		expect(languageTransform('de')).toBeUndefined();
	});
});
