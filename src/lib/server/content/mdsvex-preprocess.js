// Plain JavaScript: svelte.config.js loads this without a TypeScript step.
// Turns course Markdown into something mdsvex and Svelte compile safely:
// - quiz files lose their body (their syntax is not Svelte, and answers must not reach the browser),
// - frontmatter is removed (the content index reads it; mdsvex would export it to the browser),
// - the authoring components used are imported, transcripts files become imports,
// - footnotes (which mdsvex's Markdown parser lacks) are rendered,
// and the remark plugin in `contentMdsvexOptions` (run by mdsvex) points relative links at the
// asset route and keeps `{` `}` in text literal instead of letting Svelte evaluate them.
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { rewriteRelativeUrl } from '../../content/asset-url.js';
import { classifyContentPath, splitOrderPrefix } from './layout.js';
import { parseMarkdownSource, renderFootnotes } from './mdsvex-footnotes.js';

const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const defaultContentRoot = resolve(projectRoot, 'content');
const COMPONENTS = ['Hinweis', 'Begriff', 'Medien'];

/**
 * Path of a file relative to the content folder (`courses/...`), or null outside it.
 * @param {string} contentRoot
 * @param {string | undefined} filename
 */
function contentPath(contentRoot, filename) {
	if (!filename) return null;
	const path = relative(contentRoot, resolve(projectRoot, filename));
	if (path.startsWith('..') || path.startsWith(sep) || !path.endsWith('.md')) return null;
	return path.split(sep).join('/');
}

/**
 * The frontmatter of a Markdown file as an object ({} when missing or broken).
 * @param {string} source
 * @returns {Record<string, unknown>}
 */
function frontmatterOf(source) {
	const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(source);
	if (!match) return {};
	try {
		const data = parseYaml(match[1] ?? '');
		return data && typeof data === 'object' ? data : {};
	} catch {
		return {};
	}
}

/**
 * ID part from a folder's `course.md`/`module.md` `id:`, else the folder's slug.
 * @param {string} dir absolute folder path
 * @param {string} file
 */
function idPart(dir, file) {
	try {
		const id = frontmatterOf(readFileSync(resolve(dir, file), 'utf8')).id;
		if (typeof id === 'string') return id;
	} catch {
		// A missing file is reported by the content check; fall back to the folder name.
	}
	return splitOrderPrefix(dir.split(sep).pop() ?? '').slug;
}

/**
 * Where relative links of a content file point to; null for files outside a module.
 * @param {string} contentRoot
 * @param {string} path relative to the content folder
 * @returns {{ courseId: string, moduleSlug: string, fromDir: string, dependencies: string[] } | null}
 */
function assetBaseOf(contentRoot, path) {
	const location = classifyContentPath(path);
	if (location.kind !== 'module' && location.kind !== 'item' && location.kind !== 'asset') return null;
	const courseDir = resolve(contentRoot, 'courses', location.courseDir);
	const moduleDir = resolve(courseDir, location.moduleDir);
	const fromDir = location.kind === 'asset' ? location.modulePath.split('/').slice(0, -1).join('/') : '';
	return {
		courseId: idPart(courseDir, 'course.md'),
		moduleSlug: idPart(moduleDir, 'module.md'),
		fromDir,
		dependencies: [resolve(courseDir, 'course.md'), resolve(moduleDir, 'module.md')]
	};
}

/**
 * Rewrites `transkript="datei.md|.txt"` of <Medien> into an imported value.
 * @param {string} body
 * @param {string[]} imports collects import lines
 */
function importTranscripts(body, imports) {
	return body.replace(/<Medien\b[^>]*>/g, (tag) =>
		tag.replace(/\stranskript\s*=\s*"([^"\s{}]+\.(md|txt))"/i, (_all, file, extension) => {
			const name = `__transkript${imports.length}`;
			const source = file.startsWith('.') ? file : `./${file}`;
			const query = extension.toLowerCase() === 'txt' ? '?raw' : '';
			imports.push(`import ${name} from ${JSON.stringify(source + query)};`);
			return ` transkript={${name}}`;
		})
	);
}

/**
 * Adds import lines to the file's instance `<script>`, or a new one at the top.
 * @param {string} body
 * @param {string[]} imports
 */
function addImports(body, imports) {
	if (imports.length === 0) return body;
	const lines = imports.map((line) => `\t${line}`).join('\n');
	const script = /<script(?![^>]*\bcontext\s*=)(?![^>]*\bmodule\b)[^>]*>/.exec(body);
	if (!script) return `<script>\n${lines}\n</script>\n${body}`;
	const end = script.index + script[0].length;
	return `${body.slice(0, end)}\n${lines}${body.slice(end)}`;
}

/**
 * Svelte markup preprocessor for `content/**.md`; list it before mdsvex.
 * @param {{ contentRoot?: string }} [options] the content folder (tests use fixtures)
 */
export function contentPreprocessor(options = {}) {
	const contentRoot = options.contentRoot ?? defaultContentRoot;
	return {
		name: 'lernplattform-content',
		/** @param {{ content: string, filename?: string }} input */
		markup({ content, filename }) {
			const path = contentPath(contentRoot, filename);
			if (path === null) return undefined;
			const frontmatter = frontmatterOf(content);
			if (frontmatter.type === 'quiz') return { code: '' };

			const tree = parseMarkdownSource(content);
			const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : null;
			const bodyStart = yaml?.position?.end.offset ?? 0;
			// Blank lines instead of the frontmatter keep Svelte's line numbers right.
			const blank = '\n'.repeat(content.slice(0, bodyStart).split('\n').length - 1);
			/** @type {string[]} */
			const imports = [];
			let body = blank + renderFootnotes(content, tree, bodyStart, imports);
			body = importTranscripts(body, imports);
			for (const name of COMPONENTS) {
				if (new RegExp(`<${name}\\b`).test(body)) {
					imports.unshift(`import ${name} from '$lib/components/authoring/${name}.svelte';`);
				}
			}
			const base = assetBaseOf(contentRoot, path);
			return { code: addImports(body, imports), dependencies: base?.dependencies ?? [] };
		}
	};
}

/**
 * @typedef {{ type: string, value?: string, url?: string, alt?: string, title?: string | null,
 *   children?: MdNode[] }} MdNode
 */

/** @param {string} text */
const escapeHtml = (text) =>
	text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/\{/g, '&#123;')
		.replace(/\}/g, '&#125;');

/**
 * remark plugin for mdsvex (its own, older remark: so no unist helpers here).
 * @param {string} contentRoot
 */
function contentRemarkPlugin(contentRoot) {
	/** @param {MdNode} tree @param {{ path?: string, filename?: unknown }} file */
	const transform = (tree, file) => {
		const filename = typeof file.filename === 'string' ? file.filename : undefined;
		const path = contentPath(contentRoot, filename);
		if (path === null) return;
		const base = assetBaseOf(contentRoot, path);
		/** @param {string} url */
		const rewrite = (url) => (base ? rewriteRelativeUrl(url, base) : url);
		/** @param {MdNode} node */
		const walk = (node) => {
			if ((node.type === 'link' || node.type === 'definition') && node.url) node.url = rewrite(node.url);
			if (node.type === 'image') {
				const title = node.title ? ` title="${escapeHtml(node.title)}"` : '';
				node.value = `<img src="${escapeHtml(rewrite(node.url ?? ''))}" alt="${escapeHtml(node.alt ?? '')}"${title}>`;
				node.type = 'html';
			} else if (node.type === 'html' && node.value) {
				node.value = node.value.replace(
					/(\s(?:src|href|untertitel|poster)\s*=\s*")([^"{}]*)(")/g,
					(_all, before, url, after) => before + rewrite(url) + after
				);
			} else if (node.type === 'text' && node.value && /[{}]/.test(node.value)) {
				node.value = escapeHtml(node.value);
				node.type = 'html';
			}
			node.children?.forEach(walk);
		};
		walk(tree);
	};
	return transform;
}

/**
 * mdsvex options for the project: the content remark plugin, no smartypants (it would turn
 * "…" into English quotes; trainers type German „…“ themselves), no highlighter theme needed.
 * @param {{ contentRoot?: string }} [options] the content folder (tests use fixtures)
 * @returns {import('mdsvex').MdsvexOptions}
 */
export function contentMdsvexOptions(options = {}) {
	const contentRoot = options.contentRoot ?? defaultContentRoot;
	return {
		extensions: ['.md'],
		smartypants: false,
		highlight: false,
		remarkPlugins: [() => contentRemarkPlugin(contentRoot)]
	};
}
