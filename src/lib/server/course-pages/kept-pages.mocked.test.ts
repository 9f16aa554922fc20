import type { RequestEvent } from '@sveltejs/kit';
import Database from 'better-sqlite3';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { person } from '$test/unit/assignment-helpers';
import { useFreshDatabase } from '$test/unit/test-database';
import { createSession, type Session } from '../auth/session';
import { getDb } from '../db';
import { users } from '../db/schema';
import { eq } from 'drizzle-orm';
import { personalPage, personalPageDoor, personalPageKey } from './kept-pages';

// Signed-in pages kept per session: answered again only while nothing they show can have
// changed (database, content, day) and the session needs no check that writes.

let contentId = 'inhalt-1';
vi.mock('../content/live', () => ({ currentContent: () => ({ id: contentId }) }));

const LESSON_ROUTE = '/kurse/[kurs=slug]/[modul=slug]/[eintrag=slug]';
const LESSON = '/kurse/digital/m1/lektion';
const NONCE = 'AAAAAAAAAAAAAAAAAAAAAA==';

function event(
	path: string,
	options: { method?: string; cookie?: string; routeId?: string; isDataRequest?: boolean } = {}
) {
	const url = new URL(`http://localhost${path}`);
	const headers = new Headers(options.cookie ? { cookie: options.cookie } : {});
	return {
		request: new Request(url, { method: options.method ?? 'GET', headers }),
		url,
		route: { id: options.routeId ?? LESSON_ROUTE },
		isDataRequest: options.isDataRequest ?? false,
		isSubRequest: false
	} as unknown as RequestEvent;
}

function page(text: string, extra: Record<string, string> = {}, status = 200) {
	return new Response(`<html><style nonce="${NONCE}"></style><p>${text}</p></html>`, {
		status,
		headers: {
			'content-type': 'text/html',
			'content-security-policy': `default-src 'self'; style-src 'self' 'nonce-${NONCE}'`,
			'cache-control': 'private, no-store',
			...extra
		}
	});
}

describe('personalPageKey', () => {
	it('names session, locale and path of a signed-in GET of a kept route', () => {
		const key = personalPageKey(event(LESSON, { cookie: 'session=abc' }))!;
		expect(key).toMatch(/^[0-9a-f]{64} de \/kurse\/digital\/m1\/lektion$/);
		expect(key).not.toContain('abc');
		expect(personalPageKey(event(LESSON, { cookie: 'PARAGLIDE_LOCALE=en; session=abc' }))).toBe(
			key.replace(' de ', ' en ')
		);
		expect(personalPageKey(event(LESSON, { cookie: 'session=abd' }))).not.toBe(key);
		expect(personalPageKey(event(`${LESSON}?x=1`, { cookie: 'session=abc' }))).toBe(`${key}?x=1`);
		expect(personalPageKey(event('/', { cookie: 'session=abc', routeId: '/' }))).not.toBeNull();
	});

	it('leaves every other request to SvelteKit', () => {
		expect(personalPageKey(event(LESSON))).toBeNull();
		expect(personalPageKey(event(LESSON, { cookie: 'session=abc; flash=1' }))).toBeNull();
		expect(personalPageKey(event(LESSON, { cookie: 'session=' }))).toBeNull();
		expect(personalPageKey(event(LESSON, { cookie: 'session=abc', method: 'POST' }))).toBeNull();
		expect(
			personalPageKey(event(LESSON, { cookie: 'session=abc', isDataRequest: true }))
		).toBeNull();
		for (const routeId of ['/quiz/[quiz=slug]', '/konto', '/benachrichtigungen']) {
			expect(personalPageKey(event('/konto', { cookie: 'session=abc', routeId }))).toBeNull();
		}
	});
});

describe('personalPage', () => {
	let session: Session;
	let token: string;
	let renders = 0;
	let locals: App.Locals;
	let key: string;

	beforeEach(async () => {
		useFreshDatabase();
		vi.useRealTimers();
		contentId = 'inhalt-1';
		const learner = await person(`l${Math.random()}@x.org`, 'learner');
		({ token, session } = createSession(learner.id));
		locals = { user: learner, session };
		key = personalPageKey(event(LESSON, { cookie: `session=${token}` }))!;
		renders = 0;
	});
	afterEach(() => vi.useRealTimers());

	const render =
		(extra: Record<string, string> = {}, status = 200) =>
		() => {
			renders += 1;
			return page(`Seite ${renders}`, extra, status);
		};
	const answer = async (options: { extra?: Record<string, string>; status?: number } = {}) =>
		(await personalPage(key, { locals }, render(options.extra, options.status))).text();
	/** A page is kept when it is asked for the second time in the same state. */
	const askTwice = async () => {
		await answer();
		return answer();
	};

	it('keeps a page asked for twice and answers with it under a new nonce', async () => {
		expect(await answer()).toContain(`nonce="${NONCE}"`);
		expect(await answer()).toContain('Seite 2');
		const again = await personalPage(key, { locals }, render());
		const text = await again.text();
		expect(renders).toBe(2);
		expect(text).toContain('Seite 2');
		expect(text).not.toContain(NONCE);
		expect(again.headers.get('cache-control')).toBe('private, no-store');
		const nonce = again.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1]!;
		expect(text).toContain(`nonce="${nonce}"`);
	});

	it('renders again after any write to the database or with a new content version', async () => {
		await askTwice();
		getDb().update(users).set({ name: 'Neu' }).where(eq(users.id, session.userId)).run();
		expect(await answer()).toContain('Seite 3');
		expect(await answer()).toContain('Seite 4');
		expect(await answer()).toContain('Seite 4');
		contentId = 'inhalt-2';
		expect(await answer()).toContain('Seite 5');
	});

	it('renders again on a new day in Berlin (due dates, running cohorts)', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date('2026-12-07T22:30:00Z')); // 23:30 in Berlin
		({ token, session } = createSession(session.userId));
		locals = { ...locals, session };
		key = personalPageKey(event(LESSON, { cookie: `session=${token}` }))!;
		await askTwice();
		vi.setSystemTime(new Date('2026-12-07T22:59:59Z'));
		expect(await answer()).toContain('Seite 2');
		vi.setSystemTime(new Date('2026-12-07T23:00:00Z')); // midnight
		expect(await answer()).toContain('Seite 3');
	});

	it('notices a write by another connection (another process of a cluster, a script)', async () => {
		await askTwice();
		const other = new Database(process.env.DATABASE_PATH!);
		other.prepare("update users set name = 'Von außen' where id = ?").run(session.userId);
		other.close();
		expect(await answer()).toContain('Seite 3');
	});

	it('goes to SvelteKit once the session would record activity again or end', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(session.lastSeenAt);
		await askTwice();
		vi.setSystemTime(new Date(session.lastSeenAt.getTime() + 59 * 60_000));
		expect(await answer()).toContain('Seite 2');
		// From here SvelteKit's session hook would write the activity and renew the cookie (or, at
		// the session's end, refuse it), so the request must reach it, even with no write yet.
		vi.setSystemTime(new Date(session.lastSeenAt.getTime() + 60 * 60_000));
		expect(await answer()).toContain('Seite 3');
	});

	it('keeps no error, no answer that sets a cookie, none without a signed-in person', async () => {
		await askTwice();
		getDb().update(users).set({ name: 'Neu' }).where(eq(users.id, session.userId)).run();
		await answer({ status: 404 });
		await answer({ status: 404 });
		await answer({ extra: { 'set-cookie': 'session=neu' } });
		locals = { user: null, session: null };
		await answer();
		await answer();
		expect(renders).toBe(7);
	});

	it('keeps nothing when the database changed while the page was rendered', async () => {
		await answer();
		await personalPage(key, { locals }, () => {
			renders += 1;
			getDb().update(users).set({ name: 'Mittendrin' }).where(eq(users.id, session.userId)).run();
			return page('Seite 2');
		});
		expect(await answer()).toContain('Seite 3');
		expect(await answer()).toContain('Seite 4');
	});

	it('keeps no page rendered before a write that another request has seen meanwhile', async () => {
		await answer();
		let finish!: (response: Response) => void;
		const slow = personalPage(key, { locals }, () => new Promise((done) => (finish = done)));
		getDb().update(users).set({ name: 'Mittendrin' }).where(eq(users.id, session.userId)).run();
		const otherKey = personalPageKey(event(`${LESSON}?andere`, { cookie: `session=${token}` }))!;
		await personalPage(otherKey, { locals }, () => page('Andere Seite'));
		finish(page('Vor dem Schreiben'));
		await slow;
		expect(await answer()).not.toContain('Vor dem Schreiben');
	});

	it('keeps pages apart per session and language', async () => {
		await askTwice();
		const other = createSession(session.userId);
		const otherKey = personalPageKey(event(LESSON, { cookie: `session=${other.token}` }))!;
		const english = personalPageKey(
			event(LESSON, { cookie: `session=${token}; PARAGLIDE_LOCALE=en` })
		)!;
		for (const k of [otherKey, english]) {
			expect(await (await personalPage(k, { locals }, render())).text()).not.toContain('Seite 2');
		}
	});
});

describe('personalPageDoor', () => {
	let server: Server;
	let origin: string;
	let token: string;

	beforeAll(async () => {
		useFreshDatabase();
		const learner = await person('tuer@x.org', 'learner');
		const created = createSession(learner.id);
		token = created.token;
		const door = personalPageDoor();
		server = createServer((request, response) => {
			if (!door(request, response)) response.writeHead(299).end('SvelteKit');
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const key = personalPageKey(event(LESSON, { cookie: `session=${token}` }))!;
		const locals = { user: learner, session: created.session };
		for (let i = 0; i < 2; i += 1) await personalPage(key, { locals }, () => page('Meine Lektion'));
	});
	afterAll(() => {
		server.closeAllConnections();
		return new Promise<void>((done) => server.close(() => done()));
	});

	it('answers the exact path of a kept page for its session, with a new nonce', async () => {
		const response = await fetch(origin + LESSON, { headers: { cookie: `session=${token}` } });
		expect(response.status).toBe(200);
		const body = await response.text();
		expect(body).toContain('Meine Lektion');
		expect(body).not.toContain(NONCE);
		expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
		expect(response.headers.get('cache-control')).toBe('private, no-store');
	});

	it('leaves everything else to SvelteKit', async () => {
		const passed = async (path: string, cookie?: string, method = 'GET') =>
			(await fetch(origin + path, { method, headers: cookie ? { cookie } : {} })).status === 299;
		expect(await passed(LESSON)).toBe(true);
		expect(await passed(LESSON, 'session=falsch')).toBe(true);
		expect(await passed(LESSON, `session=${token}; flash=1`)).toBe(true);
		expect(await passed(`${LESSON}/`, `session=${token}`)).toBe(true);
		expect(await passed(`${LESSON}?a=1`, `session=${token}`)).toBe(true);
		expect(await passed(LESSON, `session=${token}`, 'HEAD')).toBe(true);
		getDb().update(users).set({ name: 'Geändert' }).run();
		expect(await passed(LESSON, `session=${token}`)).toBe(true);
	});
});
