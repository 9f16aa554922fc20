import { dateTimeFormat } from '$lib/intl';
import { isIsoDate } from '$lib/date-range';

const parts = dateTimeFormat('en-GB', {
	timeZone: 'Europe/Berlin',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** The Berlin wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant. */
export function berlinParts(at: Date): { day: string; time: string } {
	const p = Object.fromEntries(parts.formatToParts(at).map((part) => [part.type, part.value]));
	return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant a Berlin date and time names (forms ask in local time). Summer time is found by
 * checking the guess: the offset is +1 or +2 hours; the hour skipped in March moves forward.
 */
export function fromBerlin(day: string, time: string): Date | null {
	const clock = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
	// isIsoDate also keeps the year in range: Date.UTC reads the years 0–99 as 1900–1999.
	if (!isIsoDate(day) || !clock) return null;
	const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
	const asUtc = Date.UTC(y, mo - 1, d, Number(clock[1]), Number(clock[2]));
	for (const offsetHours of [1, 2]) {
		const candidate = new Date(asUtc - offsetHours * 3_600_000);
		const shown = berlinParts(candidate);
		if (shown.day === day && shown.time === time) return candidate;
	}
	return new Date(asUtc - 3_600_000);
}

/** Every Berlin calendar day from the start's to the end's (at most 14). */
export function daysBetween(startsAt: Date, endsAt: Date): string[] {
	const last = berlinParts(endsAt).day;
	const days: string[] = [];
	let day = berlinParts(startsAt).day;
	while (days.length < 14) {
		days.push(day);
		if (day >= last) break;
		const next = new Date(`${day}T12:00:00Z`);
		next.setUTCDate(next.getUTCDate() + 1);
		day = next.toISOString().slice(0, 10);
	}
	return days;
}
