import type { Font, Glyph } from 'fontkit';

// fontkit decodes a glyph's outline again for every subset, that is for every certificate. This
// memo keeps the outlines for the life of the process, on the fonts parsed once in pdf-fonts.ts.
// (The words laid out are kept by pdf-word-layout.ts.)

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
