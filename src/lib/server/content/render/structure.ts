import type { Element, Parent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import { URL_ATTRIBUTES } from '../html-policy';

/** A `##` heading of a rendered page, for its table of contents. */
export interface LessonHeading {
	id: string;
	text: string;
}

const textOf = (node: Element) => toString(node).replace(/\s+/g, ' ').trim();

/** Rewrites every URL attribute (links, images, media) with `rewrite`. */
export function rewriteUrls(tree: Root, rewrite: (url: string) => string): void {
	visit(tree, 'element', (node) => {
		for (const name of URL_ATTRIBUTES) {
			const value = node.properties[name];
			if (typeof value === 'string') node.properties[name] = rewrite(value);
		}
	});
}

/**
 * Gives every `<h2>` a stable, unique `id` (kept if it has one). IDs already in the tree and
 * the reserved ones (used by the page around the body) are not taken again.
 */
export function addHeadingIds(tree: Root, reserved: readonly string[]): void {
	const slugger = new GithubSlugger();
	for (const id of reserved) slugger.slug(id);
	visit(tree, 'element', (node) => {
		if (typeof node.properties.id === 'string') slugger.slug(node.properties.id);
	});
	visit(tree, 'element', (node) => {
		if (node.tagName !== 'h2' || (typeof node.properties.id === 'string' && node.properties.id)) return;
		node.properties.id = slugger.slug(textOf(node)) || slugger.slug('abschnitt');
	});
}

/** The `<h2>` headings in order, as the table of contents lists them. */
export function collectHeadings(tree: Root): LessonHeading[] {
	const headings: LessonHeading[] = [];
	visit(tree, 'element', (node) => {
		if (node.tagName === 'h2' && typeof node.properties.id === 'string') {
			headings.push({ id: node.properties.id, text: textOf(node) });
		}
	});
	return headings;
}

/**
 * Wraps each table in a focusable, labelled region that scrolls sideways on narrow screens,
 * so keyboard users can scroll it too (WCAG 2.1.1, axe `scrollable-region-focusable`).
 */
export function wrapTables(tree: Root, label: string): void {
	const wrap = (parent: Parent) => {
		parent.children = parent.children.map((child) => {
			if (child.type !== 'element') return child;
			if (child.tagName === 'table') {
				return {
					type: 'element',
					tagName: 'div',
					properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: label },
					children: [child]
				};
			}
			wrap(child);
			return child;
		}) as never;
	};
	wrap(tree);
}

/**
 * A task list's checkboxes (`- [x] …`) are shown, not used: each is named by its item's text,
 * which a screen reader would otherwise not connect to it (WCAG 4.1.2).
 */
export function labelTaskCheckboxes(tree: Root): void {
	visit(tree, 'element', (node: Element) => {
		if (node.tagName !== 'li') return;
		const box = node.children.find(
			(child): child is Element => child.type === 'element' && child.tagName === 'input'
		);
		if (!box || box.properties.type !== 'checkbox') return;
		const text = textOf({ ...node, children: node.children.filter((child) => child !== box) });
		if (text) box.properties.ariaLabel = text.slice(0, 200);
	});
}
