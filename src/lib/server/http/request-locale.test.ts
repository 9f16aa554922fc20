import { getLocale } from '$lib/paraglide/runtime';
import { describe, expect, it } from 'vitest';
import { textDirection, withRequestLocale } from './request-locale';

const request = (cookie?: string) =>
	new Request('http://localhost/kurse', cookie ? { headers: { cookie } } : {});

describe('withRequestLocale', () => {
	it('takes the locale from the cookie and falls back to German', async () => {
		const origin = 'http://localhost';
		expect(withRequestLocale(request('PARAGLIDE_LOCALE=en'), origin, () => getLocale())).toBe('en');
		expect(withRequestLocale(request(), origin, (locale) => [locale, getLocale()])).toEqual([
			'de',
			'de'
		]);
		expect(withRequestLocale(request('PARAGLIDE_LOCALE=xx'), origin, () => getLocale())).toBe('de');
	});

	it('keeps each request on its own locale across awaits', async () => {
		const origin = 'http://localhost';
		const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
		const [en, de] = await Promise.all([
			withRequestLocale(request('PARAGLIDE_LOCALE=en'), origin, async () => {
				await later(20);
				return getLocale();
			}),
			withRequestLocale(request(), origin, async () => {
				await later(5);
				return getLocale();
			})
		]);
		expect([en, de]).toEqual(['en', 'de']);
	});

	it('knows the writing direction', () => {
		expect(textDirection('de')).toBe('ltr');
		expect(textDirection('en')).toBe('ltr');
	});
});
