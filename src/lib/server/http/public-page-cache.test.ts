import type { RequestEvent } from '@sveltejs/kit';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractLocaleFromRequest } from '$lib/paraglide/runtime';
import {
	anonymousLocale,
	keptPageDoor,
	publicPageKey,
	storedPublicPage,
	storePublicPage
} from './public-page-cache';

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
		expect(publicPageKey(event('/anmelden', { routeId: '/(auth)/anmelden' }))).toBe('/anmelden de');
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

describe('anonymousLocale', () => {
	it('reads the language cookie as paraglide does', () => {
		const headers = [
			undefined,
			'PARAGLIDE_LOCALE=en',
			'PARAGLIDE_LOCALE=EN',
			'PARAGLIDE_LOCALE=xx',
			'PARAGLIDE_LOCALE=',
			'PARAGLIDE_LOCALE=en=1',
			'PARAGLIDE_LOCALE=tr; PARAGLIDE_LOCALE=en',
			'PARAGLIDE_LOCALE; PARAGLIDE_LOCALE=ar'
		];
		for (const cookie of headers) {
			const request = new Request('http://localhost/', { headers: cookie ? { cookie } : {} });
			expect(anonymousLocale(cookie), String(cookie)).toBe(extractLocaleFromRequest(request));
		}
	});

	it('is null when any other cookie comes along', () => {
		expect(anonymousLocale('session=abc')).toBeNull();
		expect(anonymousLocale('PARAGLIDE_LOCALE=en; flash=1')).toBeNull();
		expect(anonymousLocale('PARAGLIDE_LOCALE=en;')).toBeNull();
	});
});

describe('keptPageDoor', () => {
	let version = 'v1';
	let server: Server;
	let origin: string;

	beforeAll(async () => {
		const door = keptPageDoor(() => version);
		server = createServer((request, response) => {
			if (!door(request, response)) response.writeHead(299).end('SvelteKit');
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		await storePublicPage('/hilfe-fuer-test de', 'v1', rendered());
		await storePublicPage(
			'/hilfe-fuer-test en',
			'v1',
			rendered(200, { 'x-frame-options': 'SAMEORIGIN' })
		);
	});
	afterAll(() => {
		// fetch keeps its connections open; close them, or the server never stops.
		server.closeAllConnections();
		return new Promise<void>((done) => server.close(() => done()));
	});

	it('answers an anonymous GET of a kept page with its headers, a new nonce and its length', async () => {
		const nonces = new Set<string>();
		for (let i = 0; i < 3; i += 1) {
			const response = await fetch(`${origin}/hilfe-fuer-test`);
			expect(response.status).toBe(200);
			const nonce = nonceOf(response);
			const body = await response.text();
			expect(body).toBe(`<html><script nonce="${nonce}">start()</script><p>Träger</p></html>`);
			expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
			expect(response.headers.get('x-frame-options')).toBe('DENY');
			expect(response.headers.has('etag')).toBe(false);
			nonces.add(nonce);
		}
		expect(nonces.size).toBe(3);
		expect(nonces.has(NONCE)).toBe(false);

		const english = await fetch(`${origin}/hilfe-fuer-test`, {
			headers: { cookie: 'PARAGLIDE_LOCALE=en' }
		});
		expect(english.headers.get('x-frame-options')).toBe('SAMEORIGIN');
	});

	it('leaves everything else to SvelteKit', async () => {
		const passed = async (path: string, init: RequestInit = {}) =>
			(await fetch(origin + path, init)).status === 299;
		expect(await passed('/hilfe-fuer-test?weiter=/kurse')).toBe(true);
		expect(await passed('/hilfe-fuer-test/')).toBe(true);
		expect(await passed('/hilfe-fuer-test/__data.json')).toBe(true);
		expect(await passed('/Hilfe-fuer-test')).toBe(true);
		expect(await passed('/hilfe-fuer-test', { method: 'HEAD' })).toBe(true);
		expect(await passed('/hilfe-fuer-test', { method: 'POST', body: 'a=1' })).toBe(true);
		expect(await passed('/hilfe-fuer-test', { headers: { cookie: 'session=abc' } })).toBe(true);
		expect(await passed('/nie-gerendert')).toBe(true);
		version = 'v2';
		expect(await passed('/hilfe-fuer-test')).toBe(true);
		version = 'v1';
		expect(await passed('/hilfe-fuer-test')).toBe(false);
	});
});
