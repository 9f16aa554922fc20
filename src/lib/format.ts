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

/** File sizes in link texts: `21 KB`, `1,4 MB`. */
export function formatFileSize(bytes: number): string {
	const locale = getLocale();
	if (bytes < 1024 * 1024) {
		return `${new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
	}
	const megabytes = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
	return `${megabytes.format(bytes / (1024 * 1024))} MB`;
}
