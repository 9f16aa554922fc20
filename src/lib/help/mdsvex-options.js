// Plain JavaScript: svelte.config.js loads it without a TypeScript step.
// mdsvex compiles the application's own Markdown pages (the help section under /hilfe). Course
// content is not compiled: the server renders it at run time (src/lib/server/content/render).

/**
 * @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>,
 *   children?: HastNode[] }} HastNode
 */

/** Svelte warns about tabindex on non-interactive elements; a scroll region needs it. */
const ignoreTabindexWarning = {
	type: 'raw',
	value:
		'<!-- svelte-ignore a11y_no_noninteractive_tabindex (a scroll region must be focusable) -->'
};

/**
 * rehype plugin: wide tables scroll sideways inside a focusable region, so the page fits a
 * 360 px phone and keyboard users can scroll them (axe `scrollable-region-focusable`). The
 * help pages are German documents, hence German labels.
 */
function scrollableBlocks() {
	/** @param {HastNode} parent */
	const walk = (parent) => {
		parent.children = (parent.children ?? []).flatMap((child) => {
			if (child.type !== 'element') return [child];
			if (child.tagName === 'table') {
				const region = {
					type: 'element',
					tagName: 'div',
					properties: {
						className: ['table-scroll'],
						role: 'region',
						tabIndex: 0,
						ariaLabel: 'Tabelle'
					},
					children: [child]
				};
				return [ignoreTabindexWarning, region];
			}
			if (child.tagName === 'pre') {
				child.properties = {
					...child.properties,
					tabIndex: 0,
					role: 'region',
					ariaLabel: 'Beispiel'
				};
				return [ignoreTabindexWarning, child];
			}
			walk(child);
			return [child];
		});
	};
	return walk;
}

/** @param {string} text */
const escapeForSvelte = (text) =>
	text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\{/g, '&#123;')
		.replace(/\}/g, '&#125;');

/**
 * Code examples as plain, focusable scroll regions (no syntax colours: no highlighter theme
 * to load, and the examples are short Markdown).
 * @param {string} code
 */
function codeBlock(code) {
	return `${ignoreTabindexWarning.value}<pre class="code" tabindex="0" role="region" aria-label="Beispiel"><code>${escapeForSvelte(code)}</code></pre>`;
}

/**
 * No smartypants: it would turn "…" into English quotes; the authors type German „…“ themselves.
 * @type {import('mdsvex').MdsvexOptions}
 */
export const helpMdsvexOptions = {
	extensions: ['.md'],
	smartypants: false,
	highlight: { highlighter: codeBlock },
	rehypePlugins: [scrollableBlocks]
};
