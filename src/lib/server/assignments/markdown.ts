import type { Root as HastRoot } from 'hast';
import type { Image, ImageReference, Link, LinkReference, Paragraph, Root, Text } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { toString as mdastToString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem']);

/**
 * What looks like HTML (`<Name der Klientin>`, `<script>`) is text a person typed: shown as
 * written, escaped. remark-rehype would otherwise drop it silently, with the rest of its block.
 */
function rawHtmlAsText() {
	return (tree: Root) => {
		visit(tree, 'html', (node, index, parent) => {
			if (!parent || index === undefined) return;
			const text: Text = { type: 'text', value: node.value };
			const shown: Paragraph | Text = BLOCK_PARENTS.has(parent.type)
				? { type: 'paragraph', children: [text] }
				: text;
			(parent.children as (Paragraph | Text)[])[index] = shown;
		});
	};
}

/**
 * An image in a person's text would be fetched by every reader's browser with their session
 * (`![](/admin/…)` from the platform itself; other hosts are blocked by the CSP): it becomes a
 * link to the image, named by its description.
 */
function imagesAsLinks() {
	return (tree: Root) => {
		visit(tree, ['image', 'imageReference'], (node, index, parent) => {
			if (!parent || index === undefined) return;
			const image = node as Image | ImageReference;
			const name = image.alt?.trim() || (image.type === 'image' ? image.url : image.label) || '';
			const children: Text[] = [{ type: 'text', value: name }];
			const link: Link | LinkReference =
				image.type === 'image'
					? { type: 'link', url: image.url, children }
					: { ...image, type: 'linkReference', children };
			(parent.children as (Link | LinkReference)[])[index] = link;
		});
	};
}

// rehype-sanitize (GitHub's schema) strips dangerous attributes and URLs such as `javascript:`.
const processor = unified()
	.use(remarkParse)
	.use(rawHtmlAsText)
	.use(imagesAsLinks)
	.use(remarkRehype)
	.use(rehypeSanitize)
	.use(rehypeStringify);

/**
 * A learner's answer or a trainer's feedback, written in Markdown, as safe HTML. `marking`
 * changes the sanitised tree before it is written (never the written HTML: a regex over it cannot
 * tell text from attribute values, which keep `<` and `>` unescaped).
 */
export function renderUserMarkdown(markdown: string, marking?: (tree: HastRoot) => void): string {
	const tree = processor.runSync(processor.parse(markdown));
	marking?.(tree);
	return processor.stringify(tree);
}

const parser = unified().use(remarkParse);

type MdNode = { type: string; children?: MdNode[] };
const CONTAINERS = new Set(['root', 'list', 'listItem', 'blockquote']);

/** Paragraphs, headings and list items as separate texts. */
function textBlocks(node: MdNode): string[] {
	if (CONTAINERS.has(node.type)) return (node.children ?? []).flatMap(textBlocks);
	return [mdastToString(node)];
}
export const EXCERPT_MAX_LENGTH = 300;

/**
 * The start of a Markdown text as plain text (for a mail): one line per block, cut at a word
 * boundary with "…" when longer than `max` characters.
 */
export function markdownExcerpt(markdown: string, max = EXCERPT_MAX_LENGTH): string {
	const text = textBlocks(parser.parse(markdown))
		.map((block) => block.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.join('\n');
	if (text.length <= max) return text;
	const cut = text.slice(0, max);
	const lastSpace = cut.search(/\s\S*$/);
	return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()} …`;
}
