import { building, dev } from '$app/environment';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { contentWatchWanted, warmContent, watchContentDir } from '$lib/server/content';
import { isForbiddenCrossSitePost } from '$lib/server/http/csrf';
import { knownClientAddress } from '$lib/server/http/client-address';
import { withRequestContext } from '$lib/server/http/request-context';
import { languageTransform } from '$lib/server/http/request-locale';
import { extractLocaleFromRequest } from '$lib/paraglide/runtime';
import { answerBadFormsWith400, isFormBody } from '$lib/server/http/form-body';
import { securityHeadersFor } from '$lib/server/http/security-headers.js';
import { eitherDoor, openFrontDoor } from '$lib/server/http/front-door';
import { handlePageStatus } from '$lib/server/http/page-status';
import { forgetEarlierSubmits } from '$lib/server/http/repeat-safe';
import {
	personalPage,
	personalPageDoor,
	personalPageKey
} from '$lib/server/course-pages/kept-pages';
import {
	keptPageDoor,
	publicPageKey,
	storedPublicPage,
	storePublicPage
} from '$lib/server/http/public-page-cache';
import { operatorSettingsVersion } from '$lib/server/operator/settings';
import { m } from '$lib/paraglide/messages.js';
import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { checkEnvironment, envText } from '$lib/server/config/env';
import { exitOnStartupProblem } from '$lib/server/config/startup';
// Every schema parsed by the server answers in the reader's language where it has no own message.
import '$lib/server/validation/zod-messages';

export const init: ServerInit = async () => {
	if (building) return;
	// scripts/serve.js checked the settings already; `node build` and `vite dev` are checked here.
	try {
		checkEnvironment({ requireOrigin: !dev });
	} catch (problem) {
		exitOnStartupProblem(problem);
	}
	// Reads and checks CONTENT_DIR (filled from the shipped courses on first start). If the files
	// have errors, the newest version in the folder's history without them goes live; without
	// one the start stops, with the checker's German messages and no stack.
	try {
		warmContent();
	} catch (problem) {
		const { startWithNewestGoodVersion } = await import('$lib/server/studio/start-version');
		if (!(await startWithNewestGoodVersion(problem))) exitOnStartupProblem(problem);
	}
	if (contentWatchWanted(dev)) watchContentDir();
	openFrontDoor(eitherDoor(keptPageDoor(operatorSettingsVersion), personalPageDoor()));
	// Everything else the start needs is loaded after the check: the check leaves a lot of
	// short-lived garbage, and with those modules (PDF, git, mail, …) already in the heap V8 let
	// it grow to 280 MiB resident before collecting it.
	const { startServerJobs } = await import('$lib/server/start-jobs');
	await startServerJobs();
};

const handleCsrf: Handle = ({ event, resolve }) => {
	// SvelteKit checks only in production too (svelte.config.js explains why the check is here).
	if (!dev && isForbiddenCrossSitePost(event.request, event.url)) {
		const message = m.security_error_cross_site();
		error(403, { message, detail: message });
	}
	return resolve(event);
};

/**
 * A method a route does not answer (PUT on a page, POST on a download): SvelteKit says so in
 * English plain text; the same in German. JSON answers to enhanced forms stay as they are.
 */
const handleWrongMethod: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const plain = response.headers.get('content-type')?.startsWith('text/plain') ?? true;
	if (response.status !== 405 || !plain) return response;
	const headers = new Headers(response.headers);
	headers.set('content-type', 'text/plain; charset=utf-8');
	headers.delete('content-length');
	const text = m.security_error_method({ method: event.request.method });
	return new Response(text, { status: 405, headers });
};

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	const result = token ? validateSessionToken(token) : null;
	if (token && result?.renewCookie) setSessionCookie(event.cookies, token, result.renewCookie);
	else if (token && !result) deleteSessionCookie(event.cookies);
	event.locals.user = result?.user ?? null;
	event.locals.session = result?.session ?? null;
	return resolve(event);
};

/**
 * The request's language (cookie, else German) for the message functions and the page's html tag,
 * and its client address for the audit entries written while handling it. A request without an
 * address (behind a proxy, bypassing it) is audited without one here; the routes that need an
 * address refuse it (clientAddress).
 */
const handleRequestContext: Handle = ({ event, resolve }) => {
	const ip = knownClientAddress(event);
	const locale = extractLocaleFromRequest(event.request);
	return withRequestContext({ locale, origin: event.url.origin, ip }, () =>
		resolve(event, { transformPageChunk: languageTransform(locale) })
	);
};

const headers = securityHeadersFor(envText('ORIGIN'));

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(headers)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	// No page may be kept by a browser or a proxy: each carries its own CSP nonce, and visitors
	// without a session see personal data too (an invitation's name and address, a reset link, a
	// verified certificate). Endpoints that set their own policy (lesson media) keep it.
	if (!response.headers.has('Cache-Control')) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

/** Form posts only (the app has no JSON endpoints): anything else is a 400, not a logged 500. */
const handleBody: Handle = ({ event, resolve }) => {
	const { request } = event;
	if (request.method === 'GET' || request.method === 'HEAD') return resolve(event);
	const message = () => m.security_error_bad_form();
	if (!isFormBody(request)) error(400, { message: message(), detail: message() });
	answerBadFormsWith400(request, message);
	return resolve(event);
};

/** Every form post is something in between for the double-submit guard (http/repeat-safe.ts). */
const handleSubmitSequence: Handle = ({ event, resolve }) => {
	if (event.request.method === 'POST') forgetEarlierSubmits(event);
	return resolve(event);
};

/**
 * Signed-in pages read again and again, answered from what was rendered for the session. First
 * in line, so that a kept page carries every header the later hooks add.
 */
const handlePersonalPages: Handle = ({ event, resolve }) => {
	const key = personalPageKey(event);
	return key ? personalPage(key, event, () => resolve(event)) : resolve(event);
};

/** Anonymous requests for the public pages, answered from what was rendered before. */
const handlePublicPages: Handle = async ({ event, resolve }) => {
	const key = publicPageKey(event);
	if (!key) return resolve(event);
	const version = operatorSettingsVersion();
	return storedPublicPage(key, version) ?? storePublicPage(key, version, await resolve(event));
};

export const handle = sequence(
	handlePublicPages,
	handlePersonalPages,
	handleRequestContext,
	handleHeaders,
	handleCsrf,
	handleWrongMethod,
	handlePageStatus,
	handleBody,
	handleSession,
	handleSubmitSequence
);

export const handleError: HandleServerError = ({ error: thrown, event, status, message }) => {
	if (status === 404) return { message: 'Not Found' };
	// A client's mistake that SvelteKit itself caught (wrong method, unknown action): one line.
	if (status < 500) {
		console.warn(`[${status}] ${event.request.method} ${event.url.pathname}: ${message}`);
		return { message };
	}
	const errorId = crypto.randomUUID().slice(0, 8);
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, thrown);
	return { message: 'Internal Error', errorId };
};
