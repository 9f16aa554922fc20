import type { RequestEvent } from '@sveltejs/kit';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { baseLocale, cookieName as LOCALE_COOKIE, toLocale } from '$lib/paraglide/runtime';
import type { FrontDoor } from './front-door';

// The pages anyone may read without signing in, and that show nothing but the operator's details
// and the server's configuration (the login page: its form and, in demo mode, the demo accounts),
// look the same for every visitor without a session. They are rendered once per locale and kept
// until the operator's details change (the version is read from the database on every request,
// so other server processes notice too) or the server restarts. Each answer gets a CSP nonce of
// its own, as a rendered page does. Kept pages are answered before SvelteKit when the server runs
// through `scripts/serve.js` (`keptPageDoor`), else from the first hook (`storedPublicPage`).

/** Route IDs of such pages; their loads read no request data but the locale. */
const PUBLIC_ROUTES = new Set(['/barrierefreiheit', '/datenschutz', '/(auth)/anmelden']);

interface StoredPage {
	version: string;
	nonce: string;
	headers: [string, string][];
	body: string;
}

/** By path and locale (`/anmelden de`). */
const pages = new Map<string, StoredPage>();

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/**
 * The locale of a request that carries no cookie but the language, as paraglide's cookie
 * strategy reads it (German when none or an unknown one); null when any other cookie is present:
 * a session or a message after a form may change the page.
 */
export function anonymousLocale(cookieHeader: string | null | undefined): string | null {
	if (!cookieHeader) return baseLocale;
	let locale: string | undefined;
	for (const cookie of cookieHeader.split(';')) {
		const text = cookie.trim();
		const equals = text.indexOf('=');
		if ((equals < 0 ? text : text.slice(0, equals)) !== LOCALE_COOKIE) return null;
		if (equals >= 0) locale ??= toLocale(text.slice(equals + 1)) ?? baseLocale;
	}
	return locale ?? baseLocale;
}

/** The key of a request such a page answers the same way for everyone; null for any other. */
export function publicPageKey(event: RequestEvent): string | null {
	const { request, route, url } = event;
	if (request.method !== 'GET' || !route.id || !PUBLIC_ROUTES.has(route.id)) return null;
	// The page's data for a client-side navigation is another answer under the same route.
	if (event.isDataRequest || event.isSubRequest) return null;
	if (url.search !== '') return null;
	const locale = anonymousLocale(request.headers.get('cookie'));
	return locale && `${url.pathname} ${locale}`;
}

const freshNonce = () => randomBytes(16).toString('base64');

/** The page kept under `key` at `version` with a new nonce in headers and body. */
function renewed(key: string, version: string) {
	const page = pages.get(key);
	if (!page || page.version !== version) return undefined;
	const nonce = freshNonce();
	return {
		headers: page.headers.map(([name, value]): [string, string] => [
			name,
			value.replaceAll(page.nonce, nonce)
		]),
		body: page.body.replaceAll(page.nonce, nonce)
	};
}

/** The stored page for `key` at `version`, with a new nonce; undefined when there is none. */
export function storedPublicPage(key: string, version: string): Response | undefined {
	const page = renewed(key, version);
	if (!page) return undefined;
	return new Response(page.body, { status: 200, headers: new Headers(page.headers) });
}

/**
 * Answers an anonymous GET of a kept page straight from Node's HTTP server. The request's path
 * must be exactly the one the page was rendered for: anything else (a query, a trailing slash,
 * the page's data) is not kept under it and goes to SvelteKit.
 */
export function keptPageDoor(version: () => string): FrontDoor {
	return (request: IncomingMessage, response: ServerResponse) => {
		if (request.method !== 'GET' || pages.size === 0) return false;
		const locale = anonymousLocale(request.headers.cookie);
		if (!locale) return false;
		const page = renewed(`${request.url} ${locale}`, version());
		if (!page) return false;
		response.statusCode = 200;
		for (const [name, value] of page.headers) response.setHeader(name, value);
		response.setHeader('content-length', Buffer.byteLength(page.body));
		response.end(page.body);
		return true;
	};
}

/** Keeps a rendered page (200 with a nonce in its CSP) and answers with it. */
export async function storePublicPage(
	key: string,
	version: string,
	response: Response
): Promise<Response> {
	const nonce = response.headers.get('content-security-policy')?.match(NONCE)?.[1];
	if (response.status !== 200 || !nonce || response.headers.has('set-cookie')) return response;
	const body = await response.text();
	// The ETag names this answer's bytes, nonce included; later answers differ from it. The
	// length is set by whoever sends the body.
	const headers = [...response.headers].filter(
		([name]) => name !== 'etag' && name !== 'content-length'
	);
	pages.set(key, { version, nonce, headers, body });
	return new Response(body, { status: 200, headers });
}
