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

	it('drops raw HTML such as scripts, iframes and event handlers', () => {
		const html = renderUserMarkdown(
			'Hallo <script>alert(1)</script> <img src=x onerror="alert(2)"> <iframe src="//x"></iframe>'
		);
		expect(html).not.toMatch(/<script|<iframe|onerror|<img/i);
		expect(html).toContain('Hallo');
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
