import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { baseLocale, cookieName as LOCALE_COOKIE, toLocale } from '$lib/paraglide/runtime';

// A rendered page kept to be answered again (public-page-cache.ts, course-pages/kept-pages.ts):
// every answer gets a CSP nonce of its own, as a rendered page does.

export interface KeptPage {
	/** null for a page without scripts, whose CSP names no nonce. */
	nonce: string | null;
	headers: [string, string][];
	body: string;
}

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

/**
 * The page of a response that may be kept (200 with a CSP, no cookie set), and the response to
 * answer with now; `page` is null for any other response, which is passed on.
 */
export async function keepPage(
	response: Response
): Promise<{ page: KeptPage | null; response: Response }> {
	const policy = response.headers.get('content-security-policy');
	if (response.status !== 200 || !policy || response.headers.has('set-cookie')) {
		return { page: null, response };
	}
	const nonce = policy.match(NONCE)?.[1] ?? null;
	const body = await response.text();
	// The ETag names this answer's bytes, nonce included; later answers differ from it. The
	// length is set by whoever sends the body.
	const headers = [...response.headers].filter(
		([name]) => name !== 'etag' && name !== 'content-length'
	);
	return {
		page: { nonce, headers, body },
		response: new Response(body, { status: 200, headers })
	};
}

const freshNonce = () => randomBytes(16).toString('base64');

/** Headers and body of a kept page with a new nonce. */
function withFreshNonce(page: KeptPage): { headers: [string, string][]; body: string } {
	const old = page.nonce;
	if (old === null) return page;
	const nonce = freshNonce();
	return {
		headers: page.headers.map(([name, value]): [string, string] => [
			name,
			value.replaceAll(old, nonce)
		]),
		body: page.body.replaceAll(old, nonce)
	};
}

/** A kept page as the answer to a request, with a new nonce. */
export function keptPageResponse(page: KeptPage): Response {
	const { headers, body } = withFreshNonce(page);
	return new Response(body, { status: 200, headers: new Headers(headers) });
}

/** Sends a kept page, with a new nonce, through Node's HTTP server (a front door). */
export function sendKeptPage(page: KeptPage, response: ServerResponse): void {
	const { headers, body } = withFreshNonce(page);
	response.statusCode = 200;
	for (const [name, value] of headers) response.setHeader(name, value);
	response.setHeader('content-length', Buffer.byteLength(body));
	response.end(body);
}

/**
 * The cookies of a request as paraglide and SvelteKit read them: the locale (German when none or
 * an unknown one) and the values of the cookies named in `names` (the first of each, undecoded);
 * null when any other cookie is present: a message after a form, say, may change the page.
 */
export function pageCookies(
	cookieHeader: string | null | undefined,
	names: readonly string[]
): { locale: string; values: Map<string, string> } | null {
	const values = new Map<string, string>();
	if (!cookieHeader) return { locale: baseLocale, values };
	let locale: string | undefined;
	for (const cookie of cookieHeader.split(';')) {
		const text = cookie.trim();
		const equals = text.indexOf('=');
		const name = equals < 0 ? text : text.slice(0, equals);
		const value = equals < 0 ? undefined : text.slice(equals + 1);
		if (names.includes(name)) {
			if (value !== undefined && !values.has(name)) values.set(name, value);
		} else if (name !== LOCALE_COOKIE) {
			return null;
		} else if (value !== undefined) {
			locale ??= toLocale(value) ?? baseLocale;
		}
	}
	return { locale: locale ?? baseLocale, values };
}
