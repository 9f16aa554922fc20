// An iCalendar file (RFC 5545) with one event. Written by hand: one VEVENT without recurrence
// needs escaping, CRLF line ends, folding at 75 octets and UTC times, nothing a dependency
// would add.

export interface CalendarEvent {
	uid: string;
	title: string;
	description: string;
	location: string;
	url: string;
	startsAt: Date;
	endsAt: Date;
	cancelled: boolean;
}

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** `20270612T070000Z`: times in UTC, so no VTIMEZONE is needed. */
export const icsTime = (at: Date) =>
	at
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

/**
 * Lines longer than 75 octets continue on the next line after CRLF and a space; a multi-byte
 * character is never split.
 */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const char of line) {
		const bytes = encoder.encode(char).length;
		const limit = parts.length ? 74 : 75;
		if (size + bytes > limit) {
			parts.push(current);
			current = '';
			size = 0;
		}
		current += char;
		size += bytes;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

export function calendarFile(event: CalendarEvent, now = new Date()): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Lernplattform//Veranstaltungen//DE',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`DTSTAMP:${icsTime(now)}`,
		`DTSTART:${icsTime(event.startsAt)}`,
		`DTEND:${icsTime(event.endsAt)}`,
		`SUMMARY:${escapeText(event.title)}`,
		`DESCRIPTION:${escapeText(event.description)}`,
		`LOCATION:${escapeText(event.location)}`,
		`URL:${event.url}`,
		`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
