import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** The one Markdown dialect of the content: CommonMark + GFM + YAML frontmatter. */
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export function parseMarkdown(raw: string): Root {
	return parser.parse(raw);
}

/** Rewrites link and image URLs, e.g. relative paths to asset URLs. */
export type UrlRewriter = (url: string) => string;

const toSafeHast = unified()
	.use(remarkRehype, { footnoteLabel: 'Fußnoten', footnoteBackLabel: 'Zurück zum Text' })
	.use(rehypeSanitize);
const stringifier = unified().use(rehypeStringify);

function rewriteUrls(root: Root, rewriteUrl: UrlRewriter | undefined): void {
	if (!rewriteUrl) return;
	visit(root, (node) => {
		if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
			node.url = rewriteUrl(node.url);
		}
	});
}

/** Markdown nodes → sanitised hast. The nodes are copied, the caller's tree stays as it is. */
export function toSanitisedHast(nodes: RootContent[], rewriteUrl?: UrlRewriter): HastRoot {
	const root: Root = { type: 'root', children: structuredClone(nodes) };
	rewriteUrls(root, rewriteUrl);
	return toSafeHast.runSync(root) as HastRoot;
}

export function hastToHtml(nodes: ElementContent[]): string {
	return stringifier.stringify({ type: 'root', children: nodes });
}

/** Block Markdown → sanitised HTML. */
export function renderBlocks(nodes: RootContent[], rewriteUrl?: UrlRewriter): string {
	if (nodes.length === 0) return '';
	return stringifier.stringify(toSanitisedHast(nodes, rewriteUrl)).trim();
}

/** Inline Markdown → sanitised HTML without a wrapping paragraph. */
export function renderInline(nodes: PhrasingContent[], rewriteUrl?: UrlRewriter): string {
	const hast = toSanitisedHast([{ type: 'paragraph', children: nodes }], rewriteUrl);
	const paragraph = hast.children.find(
		(node): node is Element => node.type === 'element' && node.tagName === 'p'
	);
	return paragraph ? hastToHtml(paragraph.children).trim() : '';
}

/** Maps an offset in `raw` to its 1-based line. */
export function lineFinder(raw: string): (offset: number) => number {
	const starts = [0];
	for (let index = raw.indexOf('\n'); index !== -1; index = raw.indexOf('\n', index + 1)) {
		starts.push(index + 1);
	}
	return (offset) => {
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (starts[mid]! <= offset) low = mid;
			else high = mid - 1;
		}
		return low + 1;
	};
}
