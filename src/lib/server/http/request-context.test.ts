import { extractLocaleFromRequest, getLocale } from '$lib/paraglide/runtime';
import { describe, expect, it } from 'vitest';
import { currentRequestIp, withRequestContext } from './request-context';

const origin = 'http://localhost';
const request = (cookie?: string) =>
	new Request('http://localhost/kurse', cookie ? { headers: { cookie } } : {});
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withRequestContext', () => {
	it('takes the locale the hook reads from the cookie, German when none or unknown', () => {
		const localeIn = (cookie?: string) =>
			withRequestContext(
				{ locale: extractLocaleFromRequest(request(cookie)), origin, ip: null },
				() => getLocale()
			);
		expect(localeIn('PARAGLIDE_LOCALE=en')).toBe('en');
		expect(localeIn()).toBe('de');
		expect(localeIn('PARAGLIDE_LOCALE=xx')).toBe('de');
	});

	it('keeps each request on its own locale and client address across awaits', async () => {
		const [en, de] = await Promise.all([
			withRequestContext({ locale: 'en', origin, ip: '198.51.100.1' }, async () => {
				await later(20);
				return [getLocale(), currentRequestIp()];
			}),
			withRequestContext({ locale: 'de', origin, ip: null }, async () => {
				await later(5);
				return [getLocale(), currentRequestIp()];
			})
		]);
		expect(en).toEqual(['en', '198.51.100.1']);
		expect(de).toEqual(['de', null]);
	});

	it('has no client address outside a request', () => {
		expect(currentRequestIp()).toBeNull();
	});
});
