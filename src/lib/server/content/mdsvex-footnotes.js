// Plain JavaScript (see mdsvex-preprocess.js). mdsvex's Markdown parser predates GFM footnotes,
// so they are found with the current parser and rewritten into HTML plus Markdown blocks that
// mdsvex renders.
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** @param {string} source */
export function parseMarkdownSource(source) {
	return parser.parse(source);
}

/** @param {string} text */
const attribute = (text) => text.replace(/[^a-zA-Z0-9_-]/g, (char) => `_${char.charCodeAt(0)}`);

/**
 * Source of a footnote definition's content, without the 4-space continuation indent.
 * @param {string} source
 * @param {import('mdast').FootnoteDefinition} definition
 */
function definitionMarkdown(source, definition) {
	const first = definition.children[0]?.position?.start.offset;
	const last = definition.children[definition.children.length - 1]?.position?.end.offset;
	if (first === undefined || last === undefined) return '';
	return source
		.slice(first, last)
		.split('\n')
		.map((line, index) => (index === 0 ? line : line.replace(/^ {1,4}/, '')))
		.join('\n');
}

/**
 * The body (from `bodyStart`) with footnote references as links and the definitions as a list
 * at the end. Adds the messages import to `imports` when there are footnotes.
 * @param {string} source the whole file
 * @param {import('mdast').Root} tree its syntax tree
 * @param {number} bodyStart offset where the body begins
 * @param {string[]} imports
 */
export function renderFootnotes(source, tree, bodyStart, imports) {
	/** @type {import('mdast').FootnoteReference[]} */
	const references = [];
	/** @type {Map<string, import('mdast').FootnoteDefinition>} */
	const definitions = new Map();
	visit(tree, (node) => {
		if (node.type === 'footnoteReference') references.push(node);
		if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node);
	});
	if (references.length === 0 && definitions.size === 0) return source.slice(bodyStart);

	/** @type {string[]} identifiers in order of first reference */
	const order = [];
	/** @type {{ start: number, end: number, text: string }[]} */
	const edits = [];
	const insideDefinition = (offset = 0) =>
		[...definitions.values()].some(
			(definition) =>
				offset >= (definition.position?.start.offset ?? 0) &&
				offset < (definition.position?.end.offset ?? 0)
		);
	for (const reference of references) {
		if (!definitions.has(reference.identifier)) continue;
		// Nested references stay as written: the definition is copied from the original source.
		if (insideDefinition(reference.position?.start.offset)) continue;
		if (!order.includes(reference.identifier)) order.push(reference.identifier);
		const number = order.indexOf(reference.identifier) + 1;
		const id = attribute(reference.identifier);
		edits.push({
			start: reference.position?.start.offset ?? 0,
			end: reference.position?.end.offset ?? 0,
			text: `<sup class="footnote-ref"><a href="#fn-${id}" id="fnref-${id}">${number}</a></sup>`
		});
	}
	for (const definition of definitions.values()) {
		edits.push({
			start: definition.position?.start.offset ?? 0,
			end: definition.position?.end.offset ?? 0,
			text: ''
		});
	}
	let body = source;
	for (const edit of edits.sort((a, b) => b.start - a.start)) {
		body = body.slice(0, edit.start) + edit.text + body.slice(edit.end);
	}
	if (order.length === 0) return body.slice(bodyStart);

	imports.push(`import { m as __m } from '$lib/paraglide/messages.js';`);
	const items = order.map((identifier, index) => {
		const id = attribute(identifier);
		const content = definitionMarkdown(source, /** @type {any} */ (definitions.get(identifier)));
		const label = `{__m.content_footnote_back({ number: ${index + 1} })}`;
		return `<li id="fn-${id}">\n\n${content}\n\n<a href="#fnref-${id}" class="footnote-back" aria-label=${label}>↩</a>\n</li>`;
	});
	return (
		body.slice(bodyStart).trimEnd() +
		`\n\n<section class="footnotes">\n<h2>{__m.content_footnotes_heading()}</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>\n`
	);
}
