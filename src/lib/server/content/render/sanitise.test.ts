import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { HARMLESS_LOOKALIKES, UNSAFE_PAYLOADS } from '../../../../../tests/fixtures/content/payloads';
import { isSafeUrl } from '../html-policy';
import { renderBody } from '.';
import { GERMAN_LABELS } from '$test/unit/render-labels';

// Content can never execute code: whatever the check would reject, the renderer's allow-list
// sanitiser strips, so a file that reaches it anyway (a bug in the check, a file changed on
// disk) stays inert. The output is parsed as a browser would and searched for anything active.

const ACTIVE = new Set([
	'script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'button', 'select',
	'textarea', 'meta', 'base', 'link', 'template', 'noscript', 'math', 'marquee'
]);
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'data', 'poster', 'xLinkHref', 'cite'];

/** The renderer's own Begriff button: it only opens a popover, it submits nothing. */
const isTermButton = (node: Element) =>
	node.tagName === 'button' &&
	node.properties.type === 'button' &&
	Object.keys(node.properties).every((key) => key === 'type' || key === 'popoverTarget');

/** Everything in `html` that could run code or load something, as readable findings. */
function activeParts(html: string): string[] {
	const tree = unified()
		.use(rehypeRaw)
		.runSync({ type: 'root', children: [{ type: 'raw', value: html } as never] }) as Root;
	const findings: string[] = [];
	visit(tree, 'element', (node: Element) => {
		const name = node.tagName;
		if ((ACTIVE.has(name) && !isTermButton(node)) || name.includes(':') || name.includes('-')) {
			findings.push(`<${name}>`);
		}
		if (name === 'input' && (node.properties.type !== 'checkbox' || node.properties.disabled !== true)) {
			findings.push('<input> that takes input');
		}
		for (const [property, value] of Object.entries(node.properties)) {
			if (/^on/i.test(property)) findings.push(`${name}[${property}]`);
			if (property === 'style') findings.push(`${name}[style]`);
			if (URL_PROPERTIES.includes(property) && !isSafeUrl(String(value))) {
				findings.push(`${name}[${property}=${String(value)}]`);
			}
		}
	});
	return findings;
}

const render = (markdown: string) =>
	renderBody(`---\ntitle: T\n---\n\n## A\n\n${markdown}\n\nEnde.\n`, {
		assetBase: { courseId: 'kurs', moduleSlug: 'modul' },
		readText: () => null,
		labels: GERMAN_LABELS,
		reservedIds: []
	}).html;

describe('rendered content is inert', () => {
	for (const { name, markdown } of UNSAFE_PAYLOADS) {
		it(`strips ${name}`, () => {
			const html = render(markdown);
			expect(activeParts(html)).toEqual([]);
			expect(html).toContain('<p>Ende.</p>');
		});
	}

	for (const { name, markdown } of HARMLESS_LOOKALIKES) {
		it(`shows ${name} as text`, () => {
			const html = render(markdown);
			expect(activeParts(html)).toEqual([]);
			expect(html).not.toMatch(/<(script|img)\b/i);
		});
	}

	it('finds what it looks for (the detector itself)', () => {
		expect(
			activeParts(
				'<script></script><a href="javascript:x">a</a><img src="data:x" onerror="x"><p style="x">p</p><svg><a href="javascript:x"></a></svg>'
			)
		).toEqual(['<script>', 'a[href=javascript:x]', 'img[src=data:x]', 'img[onError]', 'p[style]', 'a[href=javascript:x]']);
	});

	it('keeps what authors may write', () => {
		const html = render(
			'Zeile<br>Umbruch, H<sub>2</sub>O, <kbd>Strg</kbd>, <a href="https://service.berlin.de" title="Service">Portal</a>, <a href="tel:+4930123">Telefon</a>.'
		);
		expect(html).toContain(
			'<p>Zeile<br>Umbruch, H<sub>2</sub>O, <kbd>Strg</kbd>, <a href="https://service.berlin.de" title="Service">Portal</a>, <a href="tel:+4930123">Telefon</a>.</p>'
		);
	});
});
