import { getLocale } from '$lib/paraglide/runtime';
import { dateTimeFormat, numberFormat } from '$lib/intl';

const zone = 'Europe/Berlin';

/** English as written in Britain (7 Dec 2026, 13:27), not the US default (Dec 7, 2026, 1:27 PM):
 * the platform runs in Berlin, its English spelling is British, and day-month order with a
 * 24-hour clock reads the same way as the German dates. */
const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : locale);

/** `locale` defaults to the request's; mails pass their reader's. */
export function formatDateTime(
	value: Date | string | number,
	locale: string = getLocale()
): string {
	return dateTimeFormat(intlLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: zone
	}).format(new Date(value));
}

export function formatDate(value: Date | string | number, locale: string = getLocale()): string {
	return dateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: zone }).format(
		new Date(value)
	);
}

/** A calendar day `YYYY-MM-DD` (cohort dates, certificate periods): the day itself, no clock. */
export function formatDay(day: string, locale: string = getLocale()): string {
	return dateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
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
