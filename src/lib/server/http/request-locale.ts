import { baseLocale, getTextDirection, type Locale } from '$lib/paraglide/runtime';

const directions = new Map<string, 'ltr' | 'rtl'>();

/** `Intl.Locale` text info is slow to build, and there are only a handful of locales. */
export function textDirection(locale: Locale): 'ltr' | 'rtl' {
	let direction = directions.get(locale);
	if (!direction) directions.set(locale, (direction = getTextDirection(locale)));
	return direction;
}

export const htmlTag = (locale: Locale) => `<html lang="${locale}" dir="${textDirection(locale)}">`;

/** The opening tag of src/app.html: pages are written in the base language. */
export const BASE_HTML_TAG = htmlTag(baseLocale);

/**
 * The page's html tag in the reader's language; nothing to do for the base language. Only then,
 * because replacing copies the whole page: for German text with „“ and – that is a two-byte
 * string, twice the size of the HTML, and on a lesson two replacements were a sixth of all the
 * memory a request allocated.
 */
export function languageTransform(
	locale: Locale
): ((input: { html: string }) => string) | undefined {
	if (locale === baseLocale) return undefined;
	const tag = htmlTag(locale);
	return ({ html }) => html.replace(BASE_HTML_TAG, tag);
}
