import { describe, expect, it } from 'vitest';
import { ITEM, lines } from '../../../../tests/fixtures/content/helpers';
import { parseContentFile } from '../content/parse-file';
import { splitPrompt, textOfHtml } from './prompt-html';

describe('a question prompt as the renderer wrote it', () => {
	it('splits heading and rest at the paragraph’s end, not at a `</p>` in an attribute', () => {
		const title = '</p><form action="/admin"><button>x</button></form>';
		const prompt = `<p>Siehe <a href="https://example.org" title="${title.replaceAll('"', '&#x22;')}">hier</a></p><p>Mehr</p>`;
		expect(splitPrompt(prompt)).toEqual({
			titleHtml: `Siehe <a href="https://example.org" title="${title.replaceAll('"', '&#x22;')}">hier</a>`,
			bodyHtml: '<p>Mehr</p>'
		});
	});

	it('keeps a prompt without a leading paragraph whole', () => {
		expect(splitPrompt('<ul><li>a</li></ul>')).toEqual({
			titleHtml: '',
			bodyHtml: '<ul><li>a</li></ul>'
		});
	});

	it('reads the text of HTML with numeric and named references and tags with quoted `>`', () => {
		expect(textOfHtml('A &#x26; B &#x3C;c> <a title="x>y">d</a> &amp; &#228;')).toBe(
			'A & B <c> d & ä'
		);
	});

	it('splits a prompt rendered from Markdown whose link title holds markup', () => {
		const raw = lines(
			'---',
			'type: quiz',
			'title: Test',
			'---',
			'',
			"## Siehe [hier](https://example.org '</p><form><button>x</button></form>')",
			'',
			'- [x] Ja',
			'- [ ] Nein'
		);
		const { parsed } = parseContentFile(ITEM, raw, {
			assetBase: { courseId: 'kurs', moduleSlug: 'modul' }
		});
		if (parsed?.kind !== 'quiz') throw new Error('not a quiz');
		const prompt = splitPrompt(parsed.questions[0]!.promptHtml);
		expect(prompt.bodyHtml).toBe('');
		expect(prompt.titleHtml).toContain('title="</p><form><button>x</button></form>"');
		expect(textOfHtml(prompt.titleHtml)).toBe('Siehe hier');
	});
});
