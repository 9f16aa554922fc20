// Review dates are months (`2026-11`): pure helpers shared by the content check and the pages.

import { dateTimeFormat } from '$lib/intl';

/** The month of `date` in Berlin, as `YYYY-MM`. */
export function monthOf(date: Date): string {
	const parts = dateTimeFormat('en-CA', {
		timeZone: 'Europe/Berlin',
		year: 'numeric',
		month: '2-digit'
	}).formatToParts(date);
	const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}`;
}

const monthLabels = new Map<string, string>();

/** `2026-11` → `November 2026` (in the given locale). */
export function formatMonth(month: string, locale = 'de'): string {
	// Every lesson shows its review month: formatting it anew cost 1 % of a lesson request.
	const key = `${locale} ${month}`;
	let label = monthLabels.get(key);
	if (label === undefined) {
		label = dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
			new Date(`${month}-01T12:00:00Z`)
		);
		if (monthLabels.size < 1000) monthLabels.set(key, label);
	}
	return label;
}
