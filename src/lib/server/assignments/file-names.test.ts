import { describe, expect, it } from 'vitest';
import { freeFileName } from './file-names';

describe('the name a file gets in a draft', () => {
	it('keeps a name the draft does not list yet', () => {
		expect(freeFileName('Bericht.pdf', ['notizen.pdf'])).toBe('Bericht.pdf');
	});

	it('numbers a copy of a listed name, ignoring case, like desktop systems', () => {
		expect(freeFileName('bericht.pdf', ['Bericht.PDF'])).toBe('bericht (2).pdf');
		expect(freeFileName('bericht.pdf', ['bericht.pdf', 'bericht (2).pdf'])).toBe('bericht (3).pdf');
	});

	it('numbers names without a type and keeps only the last dot as the type', () => {
		expect(freeFileName('Notizen', ['Notizen'])).toBe('Notizen (2)');
		expect(freeFileName('amt.v2.jpg', ['amt.v2.jpg'])).toBe('amt.v2 (2).jpg');
	});
});
