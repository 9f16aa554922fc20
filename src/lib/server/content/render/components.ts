import type { Element, ElementContent, Parent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h, s } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { RenderLabels } from './labels';

// The authoring components, expanded into the markup their Svelte versions rendered. The
// browser gets plain HTML; the styles live in LessonBody.svelte.

export interface ComponentContext {
	labels: RenderLabels;
	/** A Medien transcript (text or file name) as content, or null when there is none. */
	transcript: (value: string) => ElementContent[] | null;
}

const attribute = (node: Element, name: string): string | undefined => {
	const value = node.properties[name];
	return value === undefined || value === null || value === false ? undefined : String(value);
};

const HINT_TYPES = ['info', 'tipp', 'achtung'] as const;
type HintType = (typeof HINT_TYPES)[number];

function hintIcon(type: HintType): Element {
	const shapes =
		type === 'achtung'
			? [s('path', { d: 'M12 3 2 21h20L12 3Z' }), s('path', { d: 'M12 10v5M12 17.5v.5' })]
			: type === 'tipp'
				? [s('path', { d: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9V16h7v-2.1A6 6 0 0 0 12 3Z' })]
				: [s('circle', { cx: '12', cy: '12', r: '9' }), s('path', { d: 'M12 11v6M12 7.5V8' })];
	return s(
		'svg',
		{ className: ['symbol'], viewBox: '0 0 24 24', ariaHidden: 'true', focusable: 'false' },
		shapes
	);
}

function hinweis(node: Element, children: ElementContent[], id: string, labels: RenderLabels) {
	const written = attribute(node, 'typ');
	const type: HintType = HINT_TYPES.find((candidate) => candidate === written) ?? 'info';
	const title = attribute(node, 'titel');
	const label = labels.hint[type];
	return h('div', { className: ['hinweis', `hinweis-${type}`], role: 'note', ariaLabelledBy: id }, [
		h('p', { className: ['kopf'], id }, [
			hintIcon(type),
			' ',
			h('strong', title ? `${label}:` : label),
			...(title ? [' ', h('span', title)] : [])
		]),
		...children
	]);
}

/** Without JavaScript or popovers the explanation stays visible in brackets (see termPopovers). */
function begriff(node: Element, children: ElementContent[]) {
	const explanation = attribute(node, 'erklaerung') ?? '';
	return h('span', { className: ['begriff'] }, [
		h('dfn', children),
		' ',
		h('span', { className: ['erklaerung'] }, `(${explanation})`)
	]);
}

function medien(node: Element, context: ComponentContext) {
	const { labels } = context;
	const src = attribute(node, 'src') ?? '';
	const captions = attribute(node, 'untertitel');
	const title = attribute(node, 'titel');
	const transcriptValue = attribute(node, 'transkript');
	const transcript = transcriptValue ? context.transcript(transcriptValue) : null;
	const fallback = h('p', [labels.mediaUnsupported, ' ', h('a', { href: src }, labels.mediaDownload)]);
	const player =
		attribute(node, 'typ') === 'video'
			? h('video', { controls: true, preload: 'metadata', src }, [
					...(captions
						? [
								h('track', {
									kind: 'captions',
									src: captions,
									srcLang: attribute(node, 'sprache') ?? 'de',
									label: labels.mediaCaptions,
									default: true
								}),
								' '
							]
						: []),
					fallback
				])
			: h('audio', { controls: true, preload: 'metadata', src }, [fallback]);
	return h('figure', { className: ['medien'] }, [
		...(title ? [h('figcaption', title), ' '] : []),
		player,
		...(transcript
			? [
					' ',
					h('details', { className: ['transkript'] }, [
						h('summary', labels.mediaTranscript),
						' ',
						h('div', { className: ['transkript-text'] }, transcript)
					])
				]
			: [])
	]);
}

/** Replaces `<hinweis>`, `<begriff>` and `<medien>` (as parsed from the HTML) in place. */
export function expandComponents(tree: Root, context: ComponentContext): void {
	let hints = 0;
	const expand = (parent: Parent) => {
		parent.children = parent.children.map((child) => {
			if (child.type !== 'element') return child;
			expand(child);
			const children = child.children as ElementContent[];
			if (child.tagName === 'hinweis') {
				hints += 1;
				return hinweis(child, children, `hinweis-${hints}-kopf`, context.labels);
			}
			if (child.tagName === 'begriff') return begriff(child, children);
			if (child.tagName === 'medien') return medien(child, context);
			return child;
		}) as never;
	};
	expand(tree);
}

const hasClass = (node: ElementContent, name: string): node is Element =>
	node.type === 'element' && Array.isArray(node.properties.className)
		? node.properties.className.includes(name)
		: false;

/**
 * Runs after the sanitiser, which allows no buttons: each term becomes a button that opens its
 * explanation as a popover. Native HTML, so it works on pages that ship no JavaScript; browsers
 * without popovers keep the explanation in brackets after the term.
 */
export function termPopovers(tree: Root, labels: RenderLabels): void {
	let terms = 0;
	visit(tree, 'element', (node: Element) => {
		if (node.tagName !== 'span' || !hasClass(node, 'begriff')) return;
		const [dfn, , explanation] = node.children;
		if (dfn?.type !== 'element' || dfn.tagName !== 'dfn' || !explanation) return;
		if (!hasClass(explanation, 'erklaerung')) return;
		terms += 1;
		const id = `begriff-${terms}-erklaerung`;
		dfn.children = [h('button', { type: 'button', popoverTarget: id }, dfn.children)];
		const text = toString(explanation).replace(/^\(|\)$/g, '');
		explanation.properties = { ...explanation.properties, id, popover: 'auto' };
		explanation.children = [
			h('span', { className: ['klammer'] }, '('),
			h('span', { className: ['visually-hidden'] }, `${labels.termExplanation}: `),
			{ type: 'text', value: text },
			h('span', { className: ['klammer'] }, ')')
		];
		return SKIP;
	});
}
