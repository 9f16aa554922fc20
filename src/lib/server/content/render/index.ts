import type { ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import type { Html, Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { resolveModulePath, rewriteRelativeUrl } from '../../../content/asset-url.js';
import { isTranscriptFile } from '../components';
import { OUTPUT_SCHEMA, VOID_ELEMENTS } from '../html-policy';
import { parseMarkdown } from '../markdown';
import { expandComponents, termPopovers } from './components';
import { renderFootnotes } from './footnotes';
import type { RenderLabels } from './labels';
import {
	addHeadingIds,
	collectHeadings,
	labelTaskCheckboxes,
	rewriteUrls,
	wrapTables,
	type LessonHeading
} from './structure';

export type { RenderLabels } from './labels';
export type { LessonHeading } from './structure';

// Course Markdown → HTML at run time: remark parses, the HTML in it is parsed as HTML (so the
// components are elements), the components expand to their markup, and an allow-list sanitiser
// has the last word. Content is data: nothing it contains can run in a browser.

export interface BodyRenderContext {
	/** Where relative links point (`/medien/<course>/<module>/…`); null leaves them as written. */
	assetBase: { courseId: string; moduleSlug: string } | null;
	/** Folder of the file inside its module folder: '' for lessons, `texte` for a transcript. */
	fromDir?: string;
	/** A text file of the module folder (for transcripts), or null when there is none. */
	readText: (modulePath: string) => string | null;
	labels: RenderLabels;
	/** IDs the page around the body uses; headings take others. */
	reservedIds: readonly string[];
}

export interface RenderedBody {
	html: string;
	/** The `##` headings, for a table of contents. */
	headings: LessonHeading[];
}

const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
const sanitiser = unified().use(rehypeSanitize, OUTPUT_SCHEMA);
const stringifier = unified().use(rehypeStringify);

const SELF_CLOSING = /<([A-Za-z][\w:.-]*)((?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^}]*\})*?)\s*\/>/g;

/** `<Medien … />` means an empty element, as in Svelte; an HTML parser would leave it open. */
function closeSelfClosingTags(tree: Root): void {
	visit(tree, 'html', (node: Html) => {
		node.value = node.value.replace(SELF_CLOSING, (tag, name: string, attributes: string) =>
			VOID_ELEMENTS.has(name.toLowerCase()) ? tag : `<${name}${attributes}></${name}>`
		);
	});
}

/** A plain-text transcript: one paragraph per block, line breaks kept by CSS. */
const textParagraphs = (text: string): ElementContent[] =>
	text
		.split(/\n\s*\n/)
		.map((paragraph) => paragraph.trim())
		.filter(Boolean)
		.map((paragraph) => h('p', { className: ['zeilen'] }, paragraph));

function bodyToHast(raw: string, context: BodyRenderContext, withTranscripts: boolean): HastRoot {
	const tree = parseMarkdown(raw);
	tree.children = tree.children.filter((node) => node.type !== 'yaml');
	closeSelfClosingTags(tree);
	renderFootnotes(tree, context.labels);
	const hast = toHast.runSync(tree) as HastRoot;
	const base = context.assetBase;
	if (base) {
		const fromDir = context.fromDir ?? '';
		rewriteUrls(hast, (url) => rewriteRelativeUrl(url, { ...base, fromDir }));
	}
	labelTaskCheckboxes(hast);
	expandComponents(hast, {
		labels: context.labels,
		transcript: (value) =>
			isTranscriptFile(value)
				? withTranscripts
					? transcriptFile(value, context)
					: null
				: textParagraphs(value)
	});
	return hast;
}

function transcriptFile(value: string, context: BodyRenderContext): ElementContent[] | null {
	const path = resolveModulePath(context.fromDir ?? '', value);
	const raw = path === null ? null : context.readText(path);
	if (path === null || raw === null) return null;
	if (/\.txt$/i.test(path)) return textParagraphs(raw);
	const fromDir = path.split('/').slice(0, -1).join('/');
	return bodyToHast(raw, { ...context, fromDir }, false).children as ElementContent[];
}

/** Renders a lesson or assignment body (frontmatter skipped) to sanitised HTML. */
export function renderBody(raw: string, context: BodyRenderContext): RenderedBody {
	const hast = bodyToHast(raw, context, true);
	addHeadingIds(hast, context.reservedIds);
	wrapTables(hast, context.labels.table);
	const safe = sanitiser.runSync(hast) as HastRoot;
	termPopovers(safe, context.labels);
	return { html: stringifier.stringify(safe), headings: collectHeadings(safe) };
}
