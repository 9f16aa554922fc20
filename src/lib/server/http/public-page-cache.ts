import type { RequestEvent } from '@sveltejs/kit';
import { cookieName as LOCALE_COOKIE, extractLocaleFromRequest } from '$lib/paraglide/runtime';

// The pages anyone may read without signing in, and that show nothing but the operator's details
// and the server's configuration (the login page: its form and, in demo mode, the demo accounts),
// look the same for every visitor without a session. They are
// rendered once per locale and kept until the operator's details change (the version is read
// from the database on every request, so other server processes notice too) or the server
// restarts. Each answer gets a CSP nonce of its own, as a rendered page does.

/** Route IDs of such pages; their loads read no request data but the locale. */
const PUBLIC_ROUTES = new Set(['/barrierefreiheit', '/datenschutz', '/(auth)/anmelden']);

interface StoredPage {
	version: string;
	nonce: string;
	headers: [string, string][];
	body: string;
}

const pages = new Map<string, StoredPage>();

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/** The key of a request such a page answers the same way for everyone; null for any other. */
export function publicPageKey(event: RequestEvent): string | null {
	const { request, route, url } = event;
	if (request.method !== 'GET' || !route.id || !PUBLIC_ROUTES.has(route.id)) return null;
	// The page's data for a client-side navigation is another answer under the same route.
	if (event.isDataRequest || event.isSubRequest) return null;
	if (url.search !== '') return null;
	// Any cookie but the language may change the page (a session, a message after a form).
	const cookies = request.headers.get('cookie');
	if (cookies && cookies.split(';').some((c) => c.trim().split('=')[0] !== LOCALE_COOKIE)) {
		return null;
	}
	return `${route.id} ${extractLocaleFromRequest(request)}`;
}

function freshNonce(): string {
	return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** The stored page for `key` at `version`, with a new nonce; undefined when there is none. */
export function storedPublicPage(key: string, version: string): Response | undefined {
	const page = pages.get(key);
	if (!page || page.version !== version) return undefined;
	const nonce = freshNonce();
	const headers = new Headers(
		page.headers.map(([name, value]) => [name, value.replaceAll(page.nonce, nonce)])
	);
	return new Response(page.body.replaceAll(page.nonce, nonce), { status: 200, headers });
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
	// The ETag names this answer's bytes, nonce included; later answers differ from it.
	const headers = [...response.headers].filter(([name]) => name !== 'etag');
	pages.set(key, { version, nonce, headers, body });
	return new Response(body, { status: 200, headers });
}
