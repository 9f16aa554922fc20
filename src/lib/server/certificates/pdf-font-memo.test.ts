import { openSync, type Font, type Glyph } from 'fontkit';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { rememberDecodedGlyphs, rememberLayouts } from './pdf-font-memo';

const fontFile = join(
	dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
	'ttf/DejaVuSans.ttf'
);

function freshFont(): Font & { _layoutEngine: { layout: (...args: unknown[]) => unknown } } {
	return openSync(fontFile) as Font & {
		_layoutEngine: { layout: (...args: unknown[]) => unknown };
	};
}

const summary = (run: ReturnType<Font['layout']>) => ({
	glyphs: run.glyphs.map((glyph) => glyph.id),
	positions: run.positions.map((position) => ({ ...position }))
});

describe('remembered layouts', () => {
	it('lay out a word once and give the same glyphs and positions as fontkit', () => {
		const font = freshFont();
		const expected = summary(freshFont().layout('Größe'));
		rememberLayouts(font);
		const engine = vi.spyOn(font._layoutEngine, 'layout');
		const first = font.layout('Größe');
		const second = font.layout('Größe');
		expect(engine).toHaveBeenCalledTimes(1);
		expect(summary(first)).toEqual(expected);
		expect(summary(second)).toEqual(expected);
		expect(second.advanceWidth).toBe(first.advanceWidth);
	});

	it('hand out copies: a caller scaling its positions in place changes no later run', () => {
		const font = freshFont();
		rememberLayouts(font);
		const first = font.layout('Zertifikat');
		const width = first.positions[0]!.xAdvance;
		for (const position of first.positions) position.xAdvance *= 0.012;
		expect(font.layout('Zertifikat').positions[0]!.xAdvance).toBe(width);
	});

	it('pass explicit features through to fontkit unremembered', () => {
		const font = freshFont();
		rememberLayouts(font);
		const engine = vi.spyOn(font._layoutEngine, 'layout');
		font.layout('ffi', ['liga']);
		font.layout('ffi', ['liga']);
		expect(engine).toHaveBeenCalledTimes(2);
	});
});

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
