import GithubSlugger from 'github-slugger';

// Pure post-processing of a lesson rendered to HTML by Svelte's SSR. The markup is produced by
// our own Markdown pipeline, so its shape is known: plain `<h2>` and `<table>` elements.

export interface LessonHeading {
	id: string;
	text: string;
}

export interface PreparedLesson {
	html: string;
	headings: LessonHeading[];
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	'#39': "'",
	apos: "'",
	nbsp: ' '
};

function decodeEntities(text: string): string {
	return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
		if (name in ENTITIES) return ENTITIES[name]!;
		if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
		return entity;
	});
}

/** Visible text of an HTML fragment: tags and Svelte's hydration comments removed. */
export function textOf(html: string): string {
	return decodeEntities(html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ''))
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Gives every `<h2>` a stable, unique `id` (kept if it has one) and returns the headings in
 * order, for a table of contents. Reserved IDs (used by the page around the lesson) are skipped.
 */
export function addHeadingIds(html: string, reserved: readonly string[] = []): PreparedLesson {
	const slugger = new GithubSlugger();
	for (const id of reserved) slugger.slug(id);
	const headings: LessonHeading[] = [];
	const result = html.replace(
		/<h2(\s[^>]*)?>([\s\S]*?)<\/h2>/g,
		(_match, attributes: string | undefined, inner: string) => {
			const text = textOf(inner);
			const existing = attributes ? /\sid="([^"]*)"/.exec(attributes)?.[1] : undefined;
			const id = existing || slugger.slug(text) || slugger.slug('abschnitt');
			headings.push({ id, text });
			const rest = existing ? attributes! : `${attributes ?? ''} id="${id}"`;
			return `<h2${rest}>${inner}</h2>`;
		}
	);
	return { html: result, headings };
}

/**
 * Wraps each table in a focusable, labelled region that scrolls sideways on narrow screens,
 * so keyboard users can scroll it too (WCAG 2.1.1, axe `scrollable-region-focusable`).
 */
export function wrapTables(html: string, label: string): string {
	const safeLabel = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
	return html.replace(
		/<table[\s>][\s\S]*?<\/table>/g,
		(table) =>
			`<div class="table-scroll" role="region" tabindex="0" aria-label="${safeLabel}">${table}</div>`
	);
}

/** A table of contents only helps in longer lessons. */
export const TOC_MIN_HEADINGS = 3;

export function prepareLessonHtml(
	html: string,
	options: { tableLabel: string; reservedIds?: readonly string[] }
): PreparedLesson {
	const { html: withIds, headings } = addHeadingIds(html, options.reservedIds);
	return { html: wrapTables(withIds, options.tableLabel), headings };
}
