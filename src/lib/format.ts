import { getLocale } from '$lib/paraglide/runtime';
import { dateTimeFormat, numberFormat } from '$lib/intl';

const zone = 'Europe/Berlin';

/** `locale` defaults to the request's; mails pass their reader's. */
export function formatDateTime(
	value: Date | string | number,
	locale: string = getLocale()
): string {
	return dateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: zone
	}).format(new Date(value));
}

export function formatDate(value: Date | string | number, locale: string = getLocale()): string {
	return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(new Date(value));
}

/** A calendar day `YYYY-MM-DD` (cohort dates, certificate periods): the day itself, no clock. */
export function formatDay(day: string, locale: string = getLocale()): string {
	return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(`${day}T00:00:00Z`)
	);
}

/** File sizes in link texts: `21 KB`, `1,4 MB`. */
export function formatFileSize(bytes: number): string {
	const locale = getLocale();
	if (bytes < 1024 * 1024) {
		return `${numberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
	}
	const megabytes = numberFormat(locale, { maximumFractionDigits: 1 });
	return `${megabytes.format(bytes / (1024 * 1024))} MB`;
}
