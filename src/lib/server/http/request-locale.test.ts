import { describe, expect, it } from 'vitest';
import { textDirection } from './request-locale';

describe('textDirection', () => {
	it('knows the writing direction', () => {
		expect(textDirection('de')).toBe('ltr');
		expect(textDirection('en')).toBe('ltr');
	});
});
