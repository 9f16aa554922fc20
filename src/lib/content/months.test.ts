import { describe, expect, it } from 'vitest';
import { formatMonth, monthOf } from './months';

describe('months', () => {
	it('names a review month per locale, the same on every call', () => {
		expect(formatMonth('2026-03')).toBe('März 2026');
		expect(formatMonth('2026-03', 'en')).toBe('March 2026');
		expect(formatMonth('2026-03')).toBe('März 2026');
		expect(formatMonth('2025-12', 'de')).toBe('Dezember 2025');
	});

	it('takes the month in Berlin', () => {
		expect(monthOf(new Date('2026-10-31T23:30:00Z'))).toBe('2026-11');
	});
});
