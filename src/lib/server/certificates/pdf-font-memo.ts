import type { Font, Glyph, GlyphRun } from 'fontkit';
import { BoundedMap } from '../../bounded-map';

// Every certificate sets mostly the same words (labels, course and module titles) with the same
// two fonts. pdfkit remembers laid-out words only within one document, and fontkit decodes a
// glyph's outline again for every subset; together that was about 30 % of a download's CPU.
// These memos keep both for the life of the process, on the fonts parsed once in pdf-fonts.ts.

/** Distinct words remembered per font; far more than the certificates use, and still small. */
const MAX_REMEMBERED_WORDS = 4096;

/** Lays out each word once: later calls get a copy, because pdfkit scales positions in place. */
export function rememberLayouts(font: Font): void {
	const layout = font.layout.bind(font);
	const runs = new BoundedMap<string, GlyphRun>(MAX_REMEMBERED_WORDS);
	font.layout = ((text: string, ...options: unknown[]) => {
		// Features, script or direction given explicitly: rare, and not worth a key.
		if (options.some((option) => option !== undefined)) {
			return (layout as (...args: unknown[]) => GlyphRun)(text, ...options);
		}
		let run = runs.get(text);
		if (!run) {
			run = layout(text);
			runs.set(text, run);
		}
		return copyOfRun(run);
	}) as Font['layout'];
}

function copyOfRun(run: GlyphRun): GlyphRun {
	const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
	copy.glyphs = run.glyphs.slice();
	copy.positions = run.positions.map((position) => ({ ...position }));
	return copy;
}

interface DecodingGlyph {
	_decode(): unknown;
	_font: { _variationProcessor?: unknown };
}

const memoisedPrototypes = new WeakSet<object>();

/**
 * Decodes each glyph's outline once. fontkit's subset reads the decoded outline only to find the
 * parts of composite glyphs; the result is never changed afterwards, except for variable fonts,
 * which keep fontkit's own path.
 */
export function rememberDecodedGlyphs(font: Font): void {
	const prototype = Object.getPrototypeOf(font.getGlyph(0) as Glyph) as DecodingGlyph;
	if (memoisedPrototypes.has(prototype) || typeof prototype._decode !== 'function') return;
	memoisedPrototypes.add(prototype);
	const decode = prototype._decode;
	const decoded = new WeakMap<object, unknown>();
	prototype._decode = function (this: DecodingGlyph) {
		if (this._font._variationProcessor) return decode.call(this);
		if (!decoded.has(this)) decoded.set(this, decode.call(this));
		return decoded.get(this);
	};
}
