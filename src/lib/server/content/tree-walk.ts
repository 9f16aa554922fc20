import type { Nodes, Parent, Root } from 'mdast';

type Visitor<Node> = (node: Node, index: number | undefined, parent: Parent | undefined) => void;

/**
 * Calls `visitor` for every node of a Markdown tree in document order, like unist-util-visit
 * without its stops and skips. The checks walk each tree several times, and `visit` allocates an
 * array per node and walk: at start that was a quarter of everything the content check allocated.
 */
export function eachNode(tree: Root, visitor: Visitor<Nodes>): void {
	walk(tree, undefined, undefined, visitor);
}

/** `eachNode` for the nodes of one type, e.g. `'html'`. */
export function eachNodeOfType<Type extends Nodes['type']>(
	tree: Root,
	type: Type,
	visitor: Visitor<Extract<Nodes, { type: Type }>>
): void {
	walk(tree, undefined, undefined, (node, index, parent) => {
		if (node.type === type) visitor(node as Extract<Nodes, { type: Type }>, index, parent);
	});
}

function walk(node: Nodes, index: number | undefined, parent: Parent | undefined, visitor: Visitor<Nodes>) {
	visitor(node, index, parent);
	if (!('children' in node)) return;
	const children: Nodes[] = node.children;
	for (let position = 0; position < children.length; position++) {
		walk(children[position]!, position, node, visitor);
	}
}

/** Lines before `offset` in `text` (0 on the first line), without copying the text. */
export function linesBefore(text: string, offset: number): number {
	let lines = 0;
	for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) lines++;
	return lines;
}
