import type { FootnoteDefinition, FootnoteReference, Nodes, Parent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { RenderLabels } from './labels';

// GFM footnotes rendered as the platform always has: numbered `<sup>` links in the text and a
// "Fußnoten" section at the end whose entries link back. remark-rehype's own footnote markup
// (prefixed IDs, a visually hidden heading) would change every page's anchors.

/** An ID-safe form of a footnote label (`[^amt]` → `amt`, `[^1 b]` → `1_32b`). */
const idPart = (identifier: string) =>
	identifier.replace(/[^a-zA-Z0-9_-]/g, (char) => `_${char.charCodeAt(0)}`);

/** A node that remark-rehype turns into the given element (`data.hName`). */
function element(
	tagName: string,
	properties: Record<string, unknown>,
	children: RootContent[] = []
): RootContent {
	return {
		type: 'paragraph',
		data: { hName: tagName, hProperties: properties as never },
		children: children as never
	};
}

const text = (value: string): RootContent => ({ type: 'text', value });

/** Replaces footnote references and definitions in `tree` with the rendered markup. */
export function renderFootnotes(tree: Root, labels: RenderLabels): void {
	const definitions = new Map<string, FootnoteDefinition>();
	visit(tree, 'footnoteDefinition', (node) => {
		if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
	});
	if (definitions.size === 0) return;

	const order: string[] = [];
	const replace = (node: FootnoteReference, nested: boolean): RootContent => {
		if (nested) return text(`[^${node.label ?? node.identifier}]`);
		const first = !order.includes(node.identifier);
		if (first) order.push(node.identifier);
		const id = idPart(node.identifier);
		const number = order.indexOf(node.identifier) + 1;
		return element('sup', { className: ['footnote-ref'] }, [
			element('a', { href: `#fn-${id}`, ...(first ? { id: `fnref-${id}` } : {}) }, [text(String(number))])
		]);
	};
	const walk = (parent: Parent, nested: boolean) => {
		parent.children = parent.children.flatMap((child: RootContent) => {
			if (child.type === 'footnoteDefinition') return [];
			if (child.type === 'footnoteReference') return [replace(child, nested)];
			if ('children' in child) walk(child, nested);
			return [child];
		}) as never;
	};
	walk(tree, false);
	for (const definition of definitions.values()) walk(definition, true);
	if (order.length === 0) return;

	const items = order.map((identifier, index) => {
		const id = idPart(identifier);
		const back = element(
			'a',
			{ href: `#fnref-${id}`, className: ['footnote-back'], ariaLabel: labels.footnoteBack(index + 1) },
			[text('↩')]
		);
		return {
			type: 'listItem',
			spread: true,
			data: { hProperties: { id: `fn-${id}` } },
			children: [...definitions.get(identifier)!.children, back]
		} as RootContent;
	});
	tree.children.push(
		element('section', { className: ['footnotes'] }, [
			{ type: 'heading', depth: 2, children: [text(labels.footnotesHeading)] } as RootContent,
			{ type: 'list', ordered: true, spread: true, children: items } as Nodes as RootContent
		])
	);
}
