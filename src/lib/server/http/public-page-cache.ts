import type { RequestEvent } from '@sveltejs/kit';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FrontDoor } from './front-door';
import { keepPage, keptPageResponse, pageCookies, sendKeptPage, type KeptPage } from './kept-page';

// The pages anyone may read without signing in, and that show nothing but the operator's details
// and the server's configuration (the login page: its form and, in demo mode, the demo accounts),
// look the same for every visitor without a session. They are rendered once per locale and kept
// until the operator's details change (the version is read from the database on every request,
// so other server processes notice too) or the server restarts. Each answer gets a CSP nonce of
// its own, as a rendered page does. Kept pages are answered before SvelteKit when the server runs
// through `scripts/serve.js` (`keptPageDoor`), else from the first hook (`storedPublicPage`).

/** Route IDs of such pages; their loads read no request data but the locale. */
const PUBLIC_ROUTES = new Set(['/barrierefreiheit', '/datenschutz', '/(auth)/anmelden']);

interface StoredPage extends KeptPage {
	version: string;
}

/** By path and locale (`/anmelden de`). */
const pages = new Map<string, StoredPage>();

/**
 * The locale of a request that carries no cookie but the language, as paraglide's cookie
 * strategy reads it (German when none or an unknown one); null when any other cookie is present:
 * a session or a message after a form may change the page.
 */
export const anonymousLocale = (cookieHeader: string | null | undefined) =>
	pageCookies(cookieHeader, [])?.locale ?? null;

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

/** The page kept under `key` at `version`. */
function kept(key: string, version: string): KeptPage | undefined {
	const page = pages.get(key);
	return page && page.version === version ? page : undefined;
}

/** The stored page for `key` at `version`, with a new nonce; undefined when there is none. */
export function storedPublicPage(key: string, version: string): Response | undefined {
	const page = kept(key, version);
	return page && keptPageResponse(page);
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
		const page = kept(`${request.url} ${locale}`, version());
		if (!page) return false;
		sendKeptPage(page, response);
		return true;
	};
}

/** Keeps a rendered page (200 with a nonce in its CSP) and answers with it. */
export async function storePublicPage(
	key: string,
	version: string,
	response: Response
): Promise<Response> {
	const kept = await keepPage(response);
	if (kept.page) pages.set(key, { ...kept.page, version });
	return kept.response;
}
