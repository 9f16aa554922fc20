import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './intl';

describe('Intl formatters', () => {
	it('are built once per locale and options, and format as Intl does', () => {
		const options = { dateStyle: 'medium', timeZone: 'UTC' } as const;
		const first = dateTimeFormat('de-DE', options);
		expect(dateTimeFormat('de-DE', { ...options })).toBe(first);
		expect(dateTimeFormat('en-GB', options)).not.toBe(first);
		expect(first.format(new Date('2026-12-03T10:00:00Z'))).toBe('03.12.2026');
		expect(numberFormat('de')).toBe(numberFormat('de'));
		expect(numberFormat('de').format(1234.5)).toBe('1.234,5');
	});
});
