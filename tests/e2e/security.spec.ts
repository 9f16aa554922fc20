import { createInvite, demo, expect, login, postForm, test, uniqueEmail } from './support/fixtures';
import { E2E_BASE_URL } from './support/paths.js';

test('the session cookie is HttpOnly, Secure and SameSite=Lax', async ({ page, context }) => {
	await login(page, demo.learner);
	const session = (await context.cookies()).find((c) => c.name === 'session');
	expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
	expect(session!.value).toMatch(/^[a-z2-7]{32}$/);
});

test('the cookie keeps its expiry between logins; a page answer does not set it again', async ({
	page,
	context
}) => {
	await login(page, demo.learner);
	const expires = (await context.cookies()).find((c) => c.name === 'session')!.expires;
	const response = await page.goto('/kurse');
	expect(response!.status()).toBe(200);
	expect((await response!.allHeaders())['set-cookie'] ?? '').not.toContain('session=');
	expect((await context.cookies()).find((c) => c.name === 'session')!.expires).toBe(expires);
});

test('pages send security headers and a strict CSP', async ({ request }) => {
	const response = await request.get('/anmelden');
	const headers = response.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("default-src 'self'");
	expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
});

test('no page may be kept by a cache, those a visitor opens with a secret link included', async ({
	page,
	request
}) => {
	await login(page, demo.admin);
	const invitation = await createInvite(page, { role: 'learner', email: uniqueEmail('cache') });
	const anonymous = [new URL(invitation).pathname, '/anmelden', '/barrierefreiheit', '/verify'];
	for (const path of anonymous) {
		// Twice: the second answer of a public page comes from the server's front door.
		for (let i = 0; i < 2; i += 1) {
			const headers = (await request.get(path)).headers();
			expect(headers['cache-control'], path).toBe('private, no-store');
		}
	}
});

test('static files, served before the hooks, get the same security headers', async ({
	request
}) => {
	const page = await request.get('/anmelden');
	const script = (await page.text()).match(/\/_app\/immutable\/[^"']+\.js/)?.[0];
	expect(script).toBeTruthy();
	for (const path of ['/favicon.svg', '/robots.txt', script!]) {
		const headers = (await request.get(path)).headers();
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['x-frame-options'], path).toBe('DENY');
		expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
	}
});

test('public pages, kept once rendered, still get a nonce of their own per answer', async ({
	request
}) => {
	const answers = [];
	for (let i = 0; i < 3; i += 1) {
		const response = await request.get('/barrierefreiheit');
		const csp = response.headers()['content-security-policy']!;
		const nonce = csp.match(/'nonce-([^']+)'/)![1]!;
		const html = await response.text();
		expect(html.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonce}"`]);
		expect(response.headers()['x-frame-options']).toBe('DENY');
		// After the first, the server's front door (scripts/serve.js) answers, with the length
		// known; SvelteKit streams its answers without one.
		if (i > 0) expect(response.headers()['content-length']).toBe(String(Buffer.byteLength(html)));
		answers.push({ nonce, page: html.replaceAll(nonce, '') });
	}
	expect(new Set(answers.map((answer) => answer.nonce)).size).toBe(3);
	expect(new Set(answers.map((answer) => answer.page)).size).toBe(1);
});

test('a cross-origin form post is rejected', async ({ request }) => {
	const response = await request.post('/anmelden', {
		form: { email: demo.admin, password: 'Demo-Lernplattform-2026' },
		headers: { origin: 'http://angreifer.example' }
	});
	expect(response.status()).toBe(403);
	expect(response.headers()['set-cookie'] ?? '').not.toContain('session=');
});

test('a login is rotated: the old session token stops working', async ({ page, context }) => {
	await login(page, demo.learner);
	const first = (await context.cookies()).find((c) => c.name === 'session')!.value;
	// log in again while signed in (e.g. a shared office computer)
	const response = await postForm(
		page,
		'/anmelden',
		{ email: demo.learner, password: 'Demo-Lernplattform-2026' },
		{ maxRedirects: 0 }
	);
	expect(response.status).toBe(303);
	const second = (await context.cookies()).find((c) => c.name === 'session')!.value;
	expect(second).not.toBe(first);
	await context.clearCookies();
	await context.addCookies([{ name: 'session', value: first, url: E2E_BASE_URL }]);
	await page.goto('/');
	await expect(page).toHaveURL(/\/anmelden/);
});

test('unknown pages get a German 404 page', async ({ page }) => {
	const response = await page.goto('/gibt-es-nicht');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
	const badToken = await page.goto('/registrieren/kein-token');
	expect(badToken?.status()).toBe(404);
});

test('a request that bypassed the proxy gets a German 400, not a 500', async () => {
	// The e2e server reads client addresses from x-forwarded-for (ADDRESS_HEADER); Node's fetch
	// sends none, as a request straight to the Node port would (Playwright's contexts add one).
	const login = await fetch(`${E2E_BASE_URL}/anmelden`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: E2E_BASE_URL,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email: demo.admin, password: 'Demo-Lernplattform-2026' })
	});
	expect(login.status).toBe(400);
	expect(await login.text()).toContain('nicht über den vorgesehenen Weg');
	expect(login.headers.get('set-cookie') ?? '').not.toContain('session=');
	const verify = await fetch(`${E2E_BASE_URL}/verify/ABCD-EFGH-JKLM-NPQR/json`);
	expect(verify.status).toBe(400);
});

// A browser sends every field within its limits; a tampered or broken form does not. Whatever a
// schema does not word itself is answered in German, never with zod's English defaults.
test('a form posted without its fields or beyond its limits answers in German', async ({
	page
}) => {
	const english = /Invalid input|Too big|Too small|expected string|received undefined/;
	const report = await postForm(page, '/barrierefreiheit', { page: '/' });
	expect(report.status).toBe(400);
	expect(report.text).toContain('Diese Angabe fehlt. Bitte laden Sie die Seite neu');
	expect(report.text).not.toMatch(english);

	await login(page, demo.learner);
	const journal = await postForm(page, '/tagebuch?/create', {});
	expect(journal.status).toBe(400);
	expect(journal.text).toContain('Diese Angabe fehlt');
	expect(journal.text).not.toMatch(english);
	const offer = await postForm(page, '/mentoring?/anfragen', {
		offerId: 'y'.repeat(2000),
		message: 'Hallo'
	});
	expect(offer.status).toBe(400);
	expect(offer.text).toMatch(/Bitte geben Sie höchstens [\d.]+ Zeichen ein\./);
	expect(offer.text).not.toMatch(english);
});
