import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from './markdown';
import { eachNode, eachNodeOfType, linesBefore } from './tree-walk';

const SAMPLE = `---
title: Probe
---

## Überschrift

Text mit *Betonung*, **Fett** und [Link](datei.pdf).

- Punkt <Begriff erklaerung="x">Wort</Begriff>
  - innen ![Bild](bild.png)

<Hinweis typ="tipp">

> Zitat mit \`Code\`

</Hinweis>

| a | b |
| - | - |
| *c* | d |
`;

describe('eachNode', () => {
	it('visits the nodes in the order, with the index and parent, that unist-util-visit does', () => {
		const tree = parseMarkdown(SAMPLE);
		const expected: unknown[] = [];
		visit(tree, (node, index, parent) => void expected.push([node, index, parent]));
		const seen: unknown[] = [];
		eachNode(tree, (node, index, parent) => void seen.push([node, index, parent]));
		expect(seen.length).toBeGreaterThan(20);
		expect(seen).toEqual(expected);
	});

	it('keeps to one node type when asked', () => {
		const tree = parseMarkdown(SAMPLE);
		const expected: unknown[] = [];
		visit(tree, 'html', (node, index, parent) => void expected.push([node.value, index, parent?.type]));
		const seen: unknown[] = [];
		eachNodeOfType(tree, 'html', (node, index, parent) => void seen.push([node.value, index, parent?.type]));
		expect(seen).toEqual(expected);
		expect(seen).toHaveLength(4);
	});
});

describe('linesBefore', () => {
	it('counts the line breaks before an offset', () => {
		const text = 'eins\nzwei\n\nvier';
		expect(linesBefore(text, 0)).toBe(0);
		expect(linesBefore(text, 4)).toBe(0);
		expect(linesBefore(text, 5)).toBe(1);
		expect(linesBefore(text, text.indexOf('vier'))).toBe(3);
		expect(linesBefore(text, text.length)).toBe(text.slice(0, text.length).split('\n').length - 1);
	});
});
