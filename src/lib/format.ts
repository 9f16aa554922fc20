import { getLocale } from '$lib/paraglide/runtime';

const zone = 'Europe/Berlin';

/** `locale` defaults to the request's; mails pass their reader's. */
export function formatDateTime(
	value: Date | string | number,
	locale: string = getLocale()
): string {
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: zone
	}).format(new Date(value));
}

export function formatDate(value: Date | string | number, locale: string = getLocale()): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(
		new Date(value)
	);
}
