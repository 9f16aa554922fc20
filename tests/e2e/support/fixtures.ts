import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { E2E_BASE_URL } from './paths.js';

export const DEMO_PASSWORD = 'Demo-Lernplattform-2026';
export const demo = {
	learner: 'lernende@example.org',
	trainer: 'trainerin@example.org',
	admin: 'admin@example.org'
} as const;

let counter = 0;
/** A fresh address per test: throttling counts per IP, and tests run in parallel. */
function uniqueIp() {
	counter += 1;
	return `10.${process.pid % 250}.${Math.floor(counter / 250) % 250}.${counter % 250}`;
}

const waitingPages = new WeakSet<Page>();
const pagesWithoutAppScripts = new WeakSet<Page>();

/** For a page whose requests for the app's scripts are refused: it never hydrates. */
export function blockAppScripts(page: Page) {
	pagesWithoutAppScripts.add(page);
	return page.route(/\.js(\?.*)?$/, (route) => route.abort());
}

/**
 * Makes `page.goto` return once the app has hydrated an HTML page (the root layout marks
 * `<html data-hydrated>`), so no test types into a form the app is still taking over. Pages
 * without client-side rendering (`csr = false`) have nothing to wait for, also when they load a
 * small script of their own (the quiz attempt's ordering).
 */
export function waitForHydrationOnGoto(page: Page): Page {
	if (waitingPages.has(page)) return page;
	waitingPages.add(page);
	const goto = page.goto.bind(page);
	page.goto = async (url, options) => {
		const response = await goto(url, options);
		const html = response?.headers()['content-type']?.startsWith('text/html');
		const hydrates = !pagesWithoutAppScripts.has(page) && options?.waitUntil !== 'commit';
		if (html && hydrates && (await page.evaluate(startsSvelteKit))) {
			await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		}
		return response;
	};
	return page;
}

/** The inline script that starts SvelteKit ran: a page without JavaScript has nothing to wait for. */
const startsSvelteKit = () => Object.keys(window).some((key) => key.startsWith('__sveltekit_'));

/** Pages a test opens itself (`browser.newContext()`, `browser.newPage()`) get the same wait. */
function waitForHydrationInEveryPage(browser: Browser): Browser {
	const newContext = browser.newContext.bind(browser);
	browser.newContext = async (options) => {
		const context = await newContext(options);
		const newPage = context.newPage.bind(context);
		context.newPage = async () => waitForHydrationOnGoto(await newPage());
		return context;
	};
	const newPage = browser.newPage.bind(browser);
	browser.newPage = async (options) => waitForHydrationOnGoto(await newPage(options));
	return browser;
}

export const test = base.extend<{ clientIp: string }>({
	browser: [
		async ({ browser }, use) => use(waitForHydrationInEveryPage(browser)),
		{ scope: 'worker' }
	],
	// Playwright requires the object pattern even when a fixture uses no other fixture.
	// eslint-disable-next-line no-empty-pattern
	clientIp: async ({}, use) => use(uniqueIp()),
	extraHTTPHeaders: async ({ clientIp }, use) => use({ 'x-forwarded-for': clientIp }),
	page: async ({ page }, use) => use(waitForHydrationOnGoto(page))
});

export { expect };

/**
 * Signs in through the login form's action without rendering the form first: most tests need a
 * session, not the form, and loading and hydrating /anmelden cost each of them ~3 s on CI's two
 * cores. The form itself is covered by `loginWithForm` in the auth and no-JavaScript tests.
 */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
	// The page's context may point at another app than the shared one (its own baseURL): the
	// form's own address gives the origin the CSRF check expects.
	const { origin } = new URL((await page.request.get('/anmelden')).url());
	const response = await page.request.post('/anmelden', {
		form: { email, password },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `login as ${email}`).toBe(303);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Willkommen');
}

/** A second person on a 360 px phone, in their own browser context, signed in. */
export async function phonePageFor(
	browser: Browser,
	email: string,
	options: { javaScriptEnabled?: boolean; acceptDownloads?: boolean } = {}
): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 360, height: 780 }, ...options });
	const page = await context.newPage();
	await login(page, email);
	return page;
}

/** Signs in as a person does: fills and submits the login form. */
export async function loginWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
	// Wait for hydration: typing into a form that is being hydrated can lose the input.
	await page.goto('/anmelden', { waitUntil: 'networkidle' });
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Willkommen');
}

export async function logout(page: Page) {
	await page.getByRole('button', { name: 'Abmelden' }).click();
	await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
}

/** Creates an invitation link as the given user and returns it. */
export async function createInvite(
	page: Page,
	options: { role?: string; email?: string; uses?: number; days?: number } = {}
) {
	await page.goto('/einladungen');
	if (options.role) await page.getByLabel('Rolle').selectOption(options.role);
	if (options.email) await page.getByLabel('E-Mail-Adresse (optional)').fill(options.email);
	if (options.uses) {
		await page.getByLabel('Mehrmals (für eine Gruppe)').check();
		await page.getByLabel('Höchstzahl der Registrierungen').fill(String(options.uses));
	}
	if (options.days)
		await page.getByLabel('Wie viele Tage gilt der Link?').fill(String(options.days));
	await page.getByRole('button', { name: 'Einladungslink erstellen' }).click();
	const link = await page.locator('code.link-out').textContent();
	expect(link).toMatch(/\/registrieren\/[a-z2-7]{32}$/);
	return link!.trim();
}

export const uniqueEmail = (prefix: string) =>
	`${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.org`;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SOURCE = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

/**
 * Runs axe-core in the page itself. @axe-core/playwright's analyze() opens a blank page for every
 * scan (axe.finishRun) and re-injects axe each time: measured 1.1–1.7 s per scan on these machines,
 * against 0.3–0.5 s for injecting once per document and calling axe.run. Our pages have no
 * iframes, which is what the blank page is for.
 */
export async function expectNoAxeViolations(page: Page) {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const violations = await page.evaluate(async (tags) => {
		const { axe } = window as unknown as { axe: typeof import('axe-core') };
		const results = await axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations']
		});
		return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
	}, AXE_TAGS);
	expect(violations).toEqual([]);
}

/**
 * Posts a form the way a browser without JavaScript does (bypassing client-side limits such as
 * maxlength), so the server's own validation and status codes are what the test sees.
 */
export async function postForm(
	page: Page,
	path: string,
	form: Record<string, string>,
	options: { maxRedirects?: number } = {}
) {
	const base = new URL(page.url() === 'about:blank' ? E2E_BASE_URL : page.url());
	const response = await page.request.post(new URL(path, base).toString(), {
		form,
		headers: { origin: base.origin, accept: 'text/html' },
		maxRedirects: options.maxRedirects
	});
	return { status: response.status(), text: await response.text(), response };
}
