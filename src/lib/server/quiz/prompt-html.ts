// A question's prompt is HTML written by the content renderer (hast-util-to-html): attribute
// values are double-quoted and keep `<` and `>` as they are, so a tag is found only by reading
// over its quoted values; a plain `<[^>]*>` or a search for `</p>` can end inside a title.

/** A start or end tag, read over its double-quoted attribute values. */
const TAG = /<(?:[^">]|"[^"]*")*>/g;

/** Splits a prompt into its heading (the first paragraph, inline) and the rest. */
export function splitPrompt(promptHtml: string): { titleHtml: string; bodyHtml: string } {
	if (promptHtml.startsWith('<p>')) {
		for (const { 0: tag, index } of promptHtml.matchAll(TAG)) {
			if (tag === '</p>') {
				return {
					titleHtml: promptHtml.slice('<p>'.length, index),
					bodyHtml: promptHtml.slice(index + tag.length).trim()
				};
			}
		}
	}
	return { titleHtml: '', bodyHtml: promptHtml };
}

const REFERENCE = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of HTML the renderer wrote: tags dropped, character references decoded. */
export function textOfHtml(html: string): string {
	return html
		.replace(TAG, '')
		.replace(REFERENCE, (_, hex: string, decimal: string, named: string) =>
			hex
				? String.fromCodePoint(parseInt(hex, 16))
				: decimal
					? String.fromCodePoint(Number(decimal))
					: NAMED[named.toLowerCase()]!
		);
}
