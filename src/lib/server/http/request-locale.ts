import { AsyncLocalStorage } from 'node:async_hooks';
import {
	extractLocaleFromRequest,
	getTextDirection,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime';

// Paraglide's own middleware clones every request so that URL-based locales can rewrite it. This
// app chooses the locale by cookie (else German), so the request passes through untouched and
// only the locale is put where the message functions look for it.
const storage = new AsyncLocalStorage<{ locale?: Locale; origin?: string }>();
overwriteServerAsyncLocalStorage(storage);

const directions = new Map<string, 'ltr' | 'rtl'>();

/** `Intl.Locale` text info is slow to build, and there are only a handful of locales. */
export function textDirection(locale: Locale): 'ltr' | 'rtl' {
	let direction = directions.get(locale);
	if (!direction) directions.set(locale, (direction = getTextDirection(locale)));
	return direction;
}

/** Runs `handle` with the request's locale as the one message functions use. */
export function withRequestLocale<T>(
	request: Request,
	origin: string,
	handle: (locale: Locale) => T
): T {
	const locale = extractLocaleFromRequest(request);
	return storage.run({ locale, origin }, () => handle(locale));
}
