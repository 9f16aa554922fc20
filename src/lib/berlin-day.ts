import { dateTimeFormat } from '$lib/intl';

/** The calendar day (YYYY-MM-DD) in Berlin at a moment: due dates, cohort days, certificates. */
export function berlinDay(at: Date = new Date()): string {
	return dateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at);
}
