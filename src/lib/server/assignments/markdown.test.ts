import { describe, expect, it } from 'vitest';
import { renderUserMarkdown } from './markdown';

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
