import { openSync, type Font, type Glyph } from 'fontkit';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rememberDecodedGlyphs } from './pdf-font-memo';

const fontFile = join(
	dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
	'ttf/DejaVuSans.ttf'
);

function freshFont(): Font {
	return openSync(fontFile) as Font;
}

describe('remembered glyph outlines', () => {
	it('decode each glyph once, with the same outline as before', () => {
		const font = freshFont();
		const glyphId = font.glyphForCodePoint('Ä'.codePointAt(0)!).id;
		type Decoding = Glyph & { _decode(): unknown };
		const before = JSON.stringify((font.getGlyph(glyphId) as Decoding)._decode());
		rememberDecodedGlyphs(font);
		const glyph = font.getGlyph(glyphId) as Decoding;
		expect(JSON.stringify(glyph._decode())).toBe(before);
		expect(glyph._decode()).toBe(glyph._decode());
	});
});
