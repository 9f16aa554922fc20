import { describe, expect, it } from 'vitest';
import { berlinParts, daysBetween, fromBerlin } from './berlin-time';
import { calendarFile, escapeText, foldLine } from './ics';

describe('the calendar file (RFC 5545)', () => {
	const file = calendarFile(
		{
			uid: 'abc@lernplattform.example',
			title: 'Vertiefungstreffen; Tag 1, Tag 2',
			description: 'Programm:\n- Rolle\\Netzwerk',
			location: 'Berlin, Haus der Demokratie',
			url: 'https://lernplattform.example/veranstaltungen/abc',
			startsAt: new Date('2027-06-12T07:00:00Z'),
			endsAt: new Date('2027-06-13T14:30:00Z'),
			cancelled: false
		},
		new Date('2027-01-02T03:04:05.678Z')
	);

	it('has one event with UTC times, a UID and DTSTAMP, lines ending in CRLF', () => {
		expect(file.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
		expect(file.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
		expect(file).toContain('\r\nUID:abc@lernplattform.example\r\n');
		expect(file).toContain('\r\nDTSTAMP:20270102T030405Z\r\n');
		expect(file).toContain('\r\nDTSTART:20270612T070000Z\r\n');
		expect(file).toContain('\r\nDTEND:20270613T143000Z\r\n');
		expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('escapes commas, semicolons, backslashes and line breaks in text', () => {
		expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
		expect(file).toContain('SUMMARY:Vertiefungstreffen\\; Tag 1\\, Tag 2');
		expect(file).toContain('DESCRIPTION:Programm:\\n- Rolle\\\\Netzwerk');
	});

	it('folds lines over 75 octets without splitting a character', () => {
		const long = `SUMMARY:${'Ä'.repeat(80)}`;
		const folded = foldLine(long);
		const lines = folded.split('\r\n');
		expect(lines.length).toBeGreaterThan(2);
		for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
		expect(folded.replace(/\r\n /g, '')).toBe(long);
	});
});

describe('Berlin wall-clock times', () => {
	it('reads form input as German time, in winter and in summer', () => {
		expect(fromBerlin('2027-01-15', '09:30')?.toISOString()).toBe('2027-01-15T08:30:00.000Z');
		expect(fromBerlin('2027-06-12', '09:00')?.toISOString()).toBe('2027-06-12T07:00:00.000Z');
		expect(berlinParts(new Date('2027-06-12T22:30:00Z'))).toEqual({
			day: '2027-06-13',
			time: '00:30'
		});
	});

	it('refuses impossible dates and times', () => {
		expect(fromBerlin('2027-02-30', '09:00')).toBeNull();
		expect(fromBerlin('2027-06-12', '24:00')).toBeNull();
		expect(fromBerlin('12.06.2027', '09:00')).toBeNull();
		// Date.UTC reads the years 0–99 as 1900–1999: they are refused, not moved.
		expect(fromBerlin('0050-03-01', '10:00')).toBeNull();
		expect(fromBerlin('0000-01-01', '10:00')).toBeNull();
		expect(fromBerlin('2100-01-01', '10:00')).toBeNull();
	});

	it('lists every day of a two-day event', () => {
		expect(daysBetween(new Date('2027-06-12T07:00:00Z'), new Date('2027-06-13T14:30:00Z'))).toEqual(
			['2027-06-12', '2027-06-13']
		);
	});
});
