import { describe, expect, it } from 'vitest';
import { certificateFonts } from './pdf-fonts';

describe('certificate fonts', () => {
	it('are parsed once per process: every document gets the same font objects', () => {
		const first = certificateFonts();
		const second = certificateFonts();
		expect(second.regular).toBe(first.regular);
		expect(second.bold).toBe(first.bold);
	});

	it('are DejaVu Sans regular and bold, with the letters of names from many countries', () => {
		const { regular, bold } = certificateFonts();
		expect(regular.postscriptName).toBe('DejaVuSans');
		expect(bold.postscriptName).toBe('DejaVuSans-Bold');
		for (const letter of 'ÄöüßŞğıłățЖ') {
			const codePoint = letter.codePointAt(0)!;
			expect(regular.hasGlyphForCodePoint(codePoint), letter).toBe(true);
			expect(bold.hasGlyphForCodePoint(codePoint), letter).toBe(true);
		}
	});
});
