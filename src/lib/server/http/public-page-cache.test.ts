import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { publicPageKey, storedPublicPage, storePublicPage } from './public-page-cache';

function event(
	path: string,
	options: { method?: string; cookie?: string; routeId?: string; isDataRequest?: boolean } = {}
): RequestEvent {
	const url = new URL(`http://localhost${path}`);
	const headers = new Headers(options.cookie ? { cookie: options.cookie } : {});
	return {
		request: new Request(url, { method: options.method ?? 'GET', headers }),
		url,
		route: { id: options.routeId ?? url.pathname },
		isDataRequest: options.isDataRequest ?? false,
		isSubRequest: false
	} as unknown as RequestEvent;
}

const NONCE = 'AAAAAAAAAAAAAAAAAAAAAA==';

function rendered(status = 200, extra: Record<string, string> = {}) {
	return new Response(`<html><script nonce="${NONCE}">start()</script><p>Träger</p></html>`, {
		status,
		headers: {
			'content-type': 'text/html',
			'content-security-policy': `default-src 'self'; script-src 'self' 'nonce-${NONCE}'`,
			etag: '"abc"',
			'x-frame-options': 'DENY',
			...extra
		}
	});
}

const nonceOf = (response: Response) =>
	response.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1]!;

describe('publicPageKey', () => {
	it('names the page and locale of an anonymous GET of a public page', () => {
		expect(publicPageKey(event('/barrierefreiheit'))).toBe('/barrierefreiheit de');
		expect(publicPageKey(event('/datenschutz', { cookie: 'PARAGLIDE_LOCALE=en' }))).toBe(
			'/datenschutz en'
		);
		expect(publicPageKey(event('/anmelden', { routeId: '/(auth)/anmelden' }))).toBe(
			'/(auth)/anmelden de'
		);
	});

	it('leaves every other request to the renderer', () => {
		expect(publicPageKey(event('/barrierefreiheit', { cookie: 'session=abc' }))).toBeNull();
		expect(
			publicPageKey(event('/barrierefreiheit', { cookie: 'PARAGLIDE_LOCALE=de; flash=1' }))
		).toBeNull();
		expect(publicPageKey(event('/barrierefreiheit?seite=/verify'))).toBeNull();
		expect(publicPageKey(event('/barrierefreiheit', { method: 'POST' }))).toBeNull();
		expect(publicPageKey(event('/barrierefreiheit', { isDataRequest: true }))).toBeNull();
		expect(publicPageKey(event('/verify'))).toBeNull();
		expect(
			publicPageKey(event('/anmelden?weiter=/kurse', { routeId: '/(auth)/anmelden' }))
		).toBeNull();
		expect(publicPageKey(event('/kurse/x', { routeId: '/kurse/[course]' }))).toBeNull();
	});
});

describe('stored public pages', () => {
	it('answer with the rendered page under a new nonce each time, in body and header alike', async () => {
		const first = await storePublicPage('/barrierefreiheit de', 'v1', rendered());
		expect(await first.text()).toContain(`nonce="${NONCE}"`);
		expect(first.headers.has('etag')).toBe(false);

		const nonces = new Set<string>();
		for (let i = 0; i < 3; i += 1) {
			const again = storedPublicPage('/barrierefreiheit de', 'v1')!;
			const nonce = nonceOf(again);
			expect(await again.text()).toBe(
				`<html><script nonce="${nonce}">start()</script><p>Träger</p></html>`
			);
			expect(again.headers.get('x-frame-options')).toBe('DENY');
			nonces.add(nonce);
		}
		expect(nonces.size).toBe(3);
		expect(nonces.has(NONCE)).toBe(false);
	});

	it('are gone when the operator details change, and errors or new cookies are never kept', async () => {
		await storePublicPage('/datenschutz de', 'v1', rendered());
		expect(storedPublicPage('/datenschutz de', 'v2')).toBeUndefined();

		await storePublicPage('/datenschutz en', 'v1', rendered(500));
		expect(storedPublicPage('/datenschutz en', 'v1')).toBeUndefined();
		await storePublicPage('/datenschutz en', 'v1', rendered(200, { 'set-cookie': 'a=b' }));
		expect(storedPublicPage('/datenschutz en', 'v1')).toBeUndefined();
	});
});
