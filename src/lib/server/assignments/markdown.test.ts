import { describe, expect, it } from 'vitest';
import { markdownExcerpt, renderUserMarkdown } from './markdown';

describe('rendering answers written in Markdown', () => {
	it('keeps simple formatting: emphasis, lists, links', () => {
		const html = renderUserMarkdown(
			'**Ziel:** klar\n\n- eins\n- zwei\n\n[Info](https://example.org)'
		);
		expect(html).toContain('<strong>Ziel:</strong>');
		expect(html).toContain('<li>eins</li>');
		expect(html).toContain('<a href="https://example.org">Info</a>');
	});

	it('shows raw HTML such as scripts, iframes and event handlers as the text typed, escaped', () => {
		const html = renderUserMarkdown(
			'Hallo <script>alert(1)</script> <img src=x onerror="alert(2)"> <iframe src="//x"></iframe>'
		);
		expect(html).not.toMatch(/<script|<iframe|<img/i);
		expect(html).toBe(
			'<p>Hallo &#x3C;script>alert(1)&#x3C;/script> &#x3C;img src=x onerror="alert(2)"> &#x3C;iframe src="//x">&#x3C;/iframe></p>'
		);
	});

	it('keeps placeholders in angle brackets and whole blocks that start with a tag', () => {
		expect(renderUserMarkdown('Sehr geehrte <Name der Klientin>,\n\nBescheid vom <Datum>')).toBe(
			'<p>Sehr geehrte &#x3C;Name der Klientin>,</p>\n<p>Bescheid vom &#x3C;Datum></p>'
		);
		const html = renderUserMarkdown('<script>alert("x")</script> **fett**\n\n- Für <Name> bitte');
		expect(html).toContain('<p>&#x3C;script>alert("x")&#x3C;/script> **fett**</p>');
		expect(html).toContain('<li>Für &#x3C;Name> bitte</li>');
	});

	it('shows images as links, so no reader’s browser fetches them with its session', () => {
		const html = renderUserMarkdown(
			'![Foto](/admin/benutzer) ![](/konto) ![Ref][r]\n\n[r]: /abmelden'
		);
		expect(html).not.toMatch(/<img/i);
		expect(html).toContain('<a href="/admin/benutzer">Foto</a>');
		expect(html).toContain('<a href="/konto">/konto</a>');
		expect(html).toContain('<a href="/abmelden">Ref</a>');
	});

	it('removes javascript: links', () => {
		const html = renderUserMarkdown('[klick](javascript:alert(1))');
		expect(html).not.toContain('javascript:');
		expect(html).toContain('klick');
	});
});

describe('an excerpt of Markdown for a mail', () => {
	it('keeps the words of each block, without markup or link targets', () => {
		expect(
			markdownExcerpt('**Gut.** Siehe [Hinweis](https://example.org).\n\n- eins\n- zwei')
		).toBe('Gut. Siehe Hinweis.\neins\nzwei');
	});

	it('cuts a long text at a word boundary', () => {
		const excerpt = markdownExcerpt('Wort '.repeat(100), 50);
		expect(excerpt.length).toBeLessThanOrEqual(52);
		expect(excerpt).toMatch(/Wort …$/);
	});
});
