import { getTextDirection, type Locale } from '$lib/paraglide/runtime';

const directions = new Map<string, 'ltr' | 'rtl'>();

/** `Intl.Locale` text info is slow to build, and there are only a handful of locales. */
export function textDirection(locale: Locale): 'ltr' | 'rtl' {
	let direction = directions.get(locale);
	if (!direction) directions.set(locale, (direction = getTextDirection(locale)));
	return direction;
}
