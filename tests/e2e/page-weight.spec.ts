import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { loginAsFreshLearner, QUIZ, startQuiz } from './support/quiz';

// Issue 19 asks for little JavaScript on the pages learners spend their time on. The overview,
// lessons, the course page and the quiz overview ship none (`csr = false`); the other pages stay
// within a budget just above what they load now (bench section `weight` measures the same way), so
// a change that ships a large library or the route list to every page fails here, not in a bench.
const LESSON = '/kurse/probe-digital/informationen-und-daten/einfuehrung-digcomp';
const MODULE = '/kurse/probe-digital/informationen-und-daten';
const COURSE = '/kurse/probe-digital';
const APP_PAGE_BUDGET_BYTES = 51 * 1024;
const ORDERING_SCRIPT_BUDGET_BYTES = 3 * 1024;

/** Every script the browser loads for `path`, with its body, and the page's HTML. */
async function open(page: Page, path: string) {
	const bodies: Promise<{ url: string; body: Buffer }>[] = [];
	page.on('response', (response) => {
		if (!new URL(response.url()).pathname.endsWith('.js')) return;
		bodies.push(response.body().then((body) => ({ url: response.url(), body })));
	});
	const response = await page.goto(path, { waitUntil: 'networkidle' });
	return { html: (await response?.text()) ?? '', scripts: await Promise.all(bodies) };
}

const gzipBytes = (scripts: { body: Buffer }[]) =>
	scripts.reduce((total, script) => total + gzipSync(script.body, { level: 9 }).length, 0);

for (const [name, path] of [
	['overview', '/'],
	['lesson', LESSON],
	['course', COURSE],
	['quiz', QUIZ.m1]
] as const) {
	test(`the ${name} page loads no JavaScript and no second copy of its content`, async ({
		page
	}) => {
		await loginAsFreshLearner(page);
		const { html, scripts } = await open(page, path);
		expect(scripts).toEqual([]);
		expect(html).not.toContain('<script');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	});
}

test('a quiz attempt loads only the small script that reorders its steps', async ({ page }) => {
	await loginAsFreshLearner(page);
	const attempt = await startQuiz(page, QUIZ.m2);
	// A page of its own: the first load's deferred script may still arrive on the old one.
	const fresh = await page.context().newPage();
	const { html, scripts } = await open(fresh, attempt);
	expect(scripts.map((script) => new URL(script.url).pathname)).toEqual([
		expect.stringMatching(/^\/_app\/immutable\/assets\/ordering-enhance\.[\w-]+\.js$/)
	]);
	expect(gzipBytes(scripts)).toBeLessThanOrEqual(ORDERING_SCRIPT_BUDGET_BYTES);
	expect(html.match(/<script/g)).toHaveLength(1);
	await expect(fresh.locator('ol.ordering')).toBeVisible();
});

test('the course catalogue loads its JavaScript within budget and without the route list', async ({
	page
}) => {
	await loginAsFreshLearner(page);
	const { scripts } = await open(page, '/kurse');
	expect(scripts.length).toBeGreaterThan(0);
	expect(gzipBytes(scripts)).toBeLessThanOrEqual(APP_PAGE_BUDGET_BYTES);
	// Route ids with param matchers exist only in SvelteKit's client route list, which the
	// server resolves instead (router.resolution): trainer and admin routes stay unlisted.
	for (const script of scripts) expect(script.body.toString()).not.toContain('[id=id]');
});

test('lessons open in place from the app, and as documents without JavaScript when loaded', async ({
	page
}) => {
	await loginAsFreshLearner(page);
	await page.goto(MODULE);
	await page.evaluate(() => Object.assign(window, { sameDocument: true }));
	await page
		.getByRole('link', { name: /Einführung/ })
		.first()
		.click();
	await expect(page).toHaveURL(LESSON);
	const title = await page.getByRole('heading', { level: 1 }).textContent();
	await page.getByRole('link', { name: /^Weiter/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(title!);
	await page.getByRole('link', { name: /^Zurück/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
	expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

	// Loaded as a document, the lesson has no script; its term still opens, and Weiter is a link.
	await page.reload();
	expect(await page.evaluate(() => document.scripts.length)).toBe(0);
	const explanation = page.getByText(/EU-Gesetz, das regelt/);
	await expect(explanation).toBeHidden();
	await page.getByRole('button', { name: 'DSGVO' }).click();
	await expect(explanation).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(explanation).toBeHidden();
	await page.getByRole('link', { name: /^Weiter/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(title!);
});
