import { getLocale } from '$lib/paraglide/runtime';

const zone = 'Europe/Berlin';

export function formatDateTime(value: Date | string | number): string {
	return new Intl.DateTimeFormat(getLocale(), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: zone
	}).format(new Date(value));
}

export function formatDate(value: Date | string | number): string {
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: zone }).format(
		new Date(value)
	);
}
