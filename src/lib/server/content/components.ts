import type { Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** The authoring components trainers may use in lessons without importing them. */
export const AUTHORING_COMPONENTS = ['Hinweis', 'Begriff', 'Medien'] as const;
export type AuthoringComponent = (typeof AUTHORING_COMPONENTS)[number];

export interface ComponentUse {
	name: string;
	/** Attribute values; `{ expression }` values are kept with their braces. */
	attributes: Map<string, string>;
	line: number;
	/** True when the tag sits inside a paragraph (inline), false on its own lines. */
	inline: boolean;
}

const OPENING_TAG = /<([A-Z][\w.]*)((?:[^>"'{}]|"[^"]*"|'[^']*'|\{[^}]*\})*?)\/?>/g;
const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{[^}]*\})))?/g;

/** Finds capitalised (Svelte component) tags in the HTML of a Markdown tree. */
export function findComponentUses(tree: Root): ComponentUse[] {
	const uses: ComponentUse[] = [];
	visit(tree, 'html', (node: Html, _index, parent) => {
		for (const match of node.value.matchAll(OPENING_TAG)) {
			const attributes = new Map<string, string>();
			for (const attribute of (match[2] ?? '').matchAll(ATTRIBUTE)) {
				attributes.set(attribute[1]!, attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
			}
			const linesBefore = node.value.slice(0, match.index).split('\n').length - 1;
			uses.push({
				name: match[1]!,
				attributes,
				line: (node.position?.start.line ?? 1) + linesBefore,
				inline: parent?.type === 'paragraph'
			});
		}
	});
	return uses;
}

export const isTranscriptFile = (value: string) => /^[^\s{}]+\.(md|txt)$/i.test(value);
