import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { certificateFonts } from './pdf-fonts';
import { layoutWordsWithoutCopies } from './pdf-word-layout';

interface Layout {
	glyphs: { id: number }[] | null;
	positions: object[] | null;
	advanceWidth: number;
}
type LayoutFn = (text: string, features?: unknown, onlyWidth?: boolean) => Layout;

/** A document's embedded regular font, as the certificate uses it. */
function embeddedFont(): { layout: LayoutFn } {
	const doc = new PDFDocument({ font: null as unknown as string });
	doc.registerFont('regular', certificateFonts().regular as unknown as Buffer);
	doc.font('regular');
	return (doc as unknown as { _font: { layout: LayoutFn } })._font;
}

const summary = ({ glyphs, positions, advanceWidth }: Layout) => ({
	glyphs: glyphs?.map((glyph) => glyph.id) ?? null,
	positions: positions?.map((position) => ({ ...position })) ?? null,
	advanceWidth
});

type Cached = { layoutCached(text: string): Layout };

/** pdfkit 0.20's EmbeddedFont.layout, as it stands in pdfkit.node.mjs (other tests patch it). */
function pdfkitLayout(this: Cached, text: string, _features?: unknown, onlyWidth?: boolean) {
	let glyphs: unknown[] | null = onlyWidth ? null : [];
	let positions: unknown[] | null = onlyWidth ? null : [];
	let advanceWidth = 0;
	let last = 0;
	let index = 0;
	while (index <= text.length) {
		let needle;
		if (
			(index === text.length && last < index) ||
			((needle = text.charAt(index)), [' ', '\t'].includes(needle))
		) {
			const run = this.layoutCached(text.slice(last, ++index));
			if (!onlyWidth) {
				glyphs = glyphs!.concat(run.glyphs);
				positions = positions!.concat(run.positions);
			}
			advanceWidth += run.advanceWidth;
			last = index;
		} else {
			index++;
		}
	}
	return { glyphs, positions, advanceWidth } as Layout;
}

const TEXTS = [
	'',
	'Zertifikat',
	'Herzlichen Glückwunsch, Ayşe Yılmaz!',
	'  zwei  Leerzeichen und am Ende ',
	'Tab\tgetrennt\t',
	'Модуль 3: Вводный курс · 16 UE'
];

describe('the word layout without copies', () => {
	it("gives what pdfkit's own loop gives, with and without glyphs", () => {
		const font = () => embeddedFont() as unknown as Cached;
		const expected = TEXTS.map((text) => ({
			full: summary(pdfkitLayout.call(font(), text)),
			width: summary(pdfkitLayout.call(font(), text, undefined, true))
		}));

		layoutWordsWithoutCopies(embeddedFont());
		const patched = Object.getPrototypeOf(embeddedFont()) as { layout: LayoutFn };
		expect(patched.layout.toString()).not.toContain('concat');
		const actual = TEXTS.map((text) => ({
			full: summary(embeddedFont().layout(text)),
			width: summary(embeddedFont().layout(text, undefined, true))
		}));
		expect(actual).toEqual(expected);
		// Each word is laid out once for every document of the process, with its space or tab.
		const prototype = Object.getPrototypeOf(embeddedFont()) as { layoutRun(text: string): Layout };
		const layoutRun = vi.spyOn(prototype, 'layoutRun');
		embeddedFont().layout('neu\tgesetzte Wörter');
		embeddedFont().layout('neu\tgesetzte Wörter');
		expect(layoutRun.mock.calls.map(([word]) => word)).toEqual(['neu\t', 'gesetzte ', 'Wörter']);
		layoutRun.mockRestore();
	});
});
