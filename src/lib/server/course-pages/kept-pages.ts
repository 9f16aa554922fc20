import type { RequestEvent } from '@sveltejs/kit';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { berlinDay } from '$lib/berlin-day';
import { BoundedMap } from '$lib/bounded-map';
import { SESSION_COOKIE, untouchedUntil } from '../auth/session';
import { currentContent } from '../content/live';
import { hashToken } from '../crypto/tokens';
import { databaseVersion } from '../db/data-version';
import type { FrontDoor } from '../http/front-door';
import {
	keepPage,
	keptPageResponse,
	pageCookies,
	sendKeptPage,
	type KeptPage
} from '../http/kept-page';

// The signed-in pages people read again and again (the overview, the course list, a course page,
// a lesson) are kept per session, as rendered for its person, and answered again while nothing
// they show can have changed and the session needs no check that writes:
// - nothing was written to the database, by this process or any other (databaseVersion): a
//   completion, a notice, a new enrolment, a changed name, a logout, a deactivation all write;
// - the live content is the same version (a publish replaces it in every process);
// - it is the same day in Berlin: due dates and running cohorts are the pages' only clock;
// - the session has not reached the hour at which its activity is recorded again, nor its end
//   (untouchedUntil): such a request goes through SvelteKit, which writes, renews or refuses.
// Each page is kept under its session token's hash, language and path, never shared; every
// answer gets a new nonce. Any change empties the store, so it holds pages of the present only.
// As with public pages, `scripts/serve.js` answers them before SvelteKit (personalPageDoor).

/** Route IDs of such pages: their loads read the person, the path and the locale, no cookie. */
const PERSONAL_ROUTES = new Set([
	'/',
	'/kurse',
	'/kurse/[kurs=slug]',
	'/kurse/[kurs=slug]/[modul=slug]/[eintrag=slug]'
]);

/** Lesson pages are the largest (the bench's lesson 35 KB, long ones twice that): some 12 MB. */
const LIMIT = 200;

interface PersonalPage extends KeptPage {
	/** Milliseconds since the epoch: untouchedUntil of the session it was rendered for. */
	until: number;
}

const pages = new BoundedMap<string, PersonalPage>(LIMIT);
/**
 * Keys asked for once in the present state. A page is kept when it is asked for a second time:
 * keeping costs a copy of the page and old-space garbage, which a page read once never repays.
 */
const askedOnce = new BoundedMap<string, true>(LIMIT * 4);
let keptAt = '';

/** `hash locale path`, for a request with a session cookie and the language cookie only. */
function keyOf(cookieHeader: string | null | undefined, path: string): string | null {
	const cookies = pageCookies(cookieHeader, [SESSION_COOKIE]);
	const token = cookies?.values.get(SESSION_COOKIE);
	return token ? `${hashToken(token)} ${cookies!.locale} ${path}` : null;
}

type PageEvent = Pick<RequestEvent, 'request' | 'route' | 'url' | 'isDataRequest' | 'isSubRequest'>;

/** The key of a GET of such a page with a session; null for any other request. */
export function personalPageKey(event: PageEvent): string | null {
	const { request, route, url } = event;
	if (request.method !== 'GET' || !route.id || !PERSONAL_ROUTES.has(route.id)) return null;
	if (event.isDataRequest || event.isSubRequest) return null;
	return keyOf(request.headers.get('cookie'), url.pathname + url.search);
}

/** What the kept pages depend on besides session, path and locale; a change empties the store. */
function currentState(): string {
	const state = `${databaseVersion()} ${currentContent().id} ${berlinDay()}`;
	if (state !== keptAt) {
		pages.clear();
		askedOnce.clear();
		keptAt = state;
	}
	return state;
}

/** The page kept under `key` in the present state (read first), while its session allows. */
function keptPage(key: string): PersonalPage | undefined {
	const page = pages.get(key);
	return page && Date.now() < page.until ? page : undefined;
}

/**
 * The page kept under `key`, or the one SvelteKit renders (`resolve`, with the session hook),
 * kept when it is asked for the second time in the same state, was rendered for a signed-in
 * person and nothing changed while it was.
 */
export async function personalPage(
	key: string,
	event: Pick<RequestEvent, 'locals'>,
	resolve: () => Response | Promise<Response>
): Promise<Response> {
	const before = currentState();
	const page = keptPage(key);
	if (page) return keptPageResponse(page);
	if (!askedOnce.has(key)) {
		askedOnce.set(key, true);
		return resolve();
	}
	const response = await resolve();
	const { session, user } = event.locals;
	if (!session || !user) return response;
	const kept = await keepPage(response);
	if (kept.page && currentState() === before) {
		pages.set(key, { ...kept.page, until: untouchedUntil(session).getTime() });
	}
	return kept.response;
}

/** Answers a GET of a kept personal page straight from Node's HTTP server (exact path only). */
export function personalPageDoor(): FrontDoor {
	return (request: IncomingMessage, response: ServerResponse) => {
		if (request.method !== 'GET' || pages.size === 0 || !request.url) return false;
		const key = keyOf(request.headers.cookie, request.url);
		if (!key) return false;
		currentState();
		const page = keptPage(key);
		if (!page) return false;
		sendKeptPage(page, response);
		return true;
	};
}
