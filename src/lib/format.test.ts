import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay } from './format';

describe('dates in the reader’s language, on the Berlin clock', () => {
	const lateEvening = '2026-12-07T21:27:00Z'; // 22:27 in Berlin

	it('writes English dates the British way: day before month, 24-hour clock', () => {
		expect(formatDateTime(lateEvening, 'en')).toBe('7 Dec 2026, 22:27');
		expect(formatDate(lateEvening, 'en')).toBe('7 Dec 2026');
		expect(formatDay('2027-06-12', 'en')).toBe('12 Jun 2027');
	});

	it('writes German dates as before', () => {
		expect(formatDateTime(lateEvening, 'de')).toBe('07.12.2026, 22:27');
		expect(formatDay('2027-06-12', 'de')).toBe('12.06.2027');
	});

	it('takes the day in Berlin, not in UTC', () => {
		expect(formatDate('2026-12-31T23:30:00Z', 'en')).toBe('1 Jan 2027');
	});
});
