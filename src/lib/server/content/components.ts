import type { Root } from 'mdast';
import { eachNodeOfType, linesBefore } from './tree-walk';

export { AUTHORING_COMPONENTS, type AuthoringComponent } from './html-policy';

/** One tag of the HTML written into Markdown, found for the content check. */
export interface HtmlTag {
	/** As written: `Hinweis`, `div`, `svelte:head`. */
	name: string;
	closing: boolean;
	/** Written as `<Name … />`. */
	selfClosing: boolean;
	/** Attribute values; `{ expression }` values and `{...spread}` attributes keep their braces. */
	attributes: Map<string, string>;
	line: number;
	/** True when the tag sits inside a paragraph (inline), false on its own lines. */
	inline: boolean;
}

/** A component (capitalised tag) as used in a lesson. */
export type ComponentUse = HtmlTag;

const TAG =
	/<!--[\s\S]*?(?:-->|$)|<(\/)?([A-Za-z][\w:.-]*)((?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^}]*\})*?)(\/)?>/g;
const ATTRIBUTE =
	/(\{[^}]*\})|([^\s"'>/={}]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{[^}]*\})|([^\s"'=<>`{}]+)))?/g;

function parseAttributes(source: string): Map<string, string> {
	const attributes = new Map<string, string>();
	for (const match of source.matchAll(ATTRIBUTE)) {
		if (match[1]) attributes.set(match[1], match[1]);
		else attributes.set(match[2]!, match[3] ?? match[4] ?? match[5] ?? match[6] ?? '');
	}
	return attributes;
}

/** Every opening and closing tag in the HTML of a Markdown tree, in document order. */
export function findHtmlTags(tree: Root): HtmlTag[] {
	const tags: HtmlTag[] = [];
	eachNodeOfType(tree, 'html', (node, _index, parent) => {
		for (const match of node.value.matchAll(TAG)) {
			if (!match[2]) continue; // a comment
			tags.push({
				name: match[2],
				closing: match[1] === '/',
				selfClosing: match[4] === '/',
				attributes: parseAttributes(match[3] ?? ''),
				line: (node.position?.start.line ?? 1) + linesBefore(node.value, match.index),
				inline: parent?.type === 'paragraph'
			});
		}
	});
	return tags;
}

/** Capitalised (component) opening tags, from `findHtmlTags`. */
export function componentUses(tags: readonly HtmlTag[]): ComponentUse[] {
	return tags.filter((tag) => !tag.closing && /^[A-Z]/.test(tag.name));
}

export const isTranscriptFile = (value: string) => /^[^\s{}]+\.(md|txt)$/i.test(value);
