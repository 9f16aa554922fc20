import type { Page } from '@playwright/test';
import { demo, expect, expectNoAxeViolations, login, test } from './support/fixtures';
import { crawlTargets, layoutProblems, routePattern } from './support/phone';

// Every page a role can reach from its menu and the pages linked from there, on a phone: no page
// scrolls sideways, the content starts in the first screen, every scroll region can be reached by
// keyboard and has a name, and axe finds nothing. Pages are found by following links, so a new
// page is checked without being listed here.

const PHONE = { width: 390, height: 844 };
const SMALLEST = { width: 360, height: 740 };
/** Pages of one route pattern checked at most (lessons differ in content, users do not). */
const PER_PATTERN = 2;
const MAX_PAGES = 30;

async function sweep(page: Page, start: string[]) {
	const queue = [...start];
	const seen = new Set<string>();
	const perPattern = new Map<string, number>();
	const axeDone = new Set<string>();
	const problems: string[] = [];
	while (queue.length && seen.size < MAX_PAGES) {
		const path = queue.shift()!;
		const pattern = routePattern(path);
		if (seen.has(path) || (perPattern.get(pattern) ?? 0) >= PER_PATTERN) continue;
		seen.add(path);
		perPattern.set(pattern, (perPattern.get(pattern) ?? 0) + 1);
		const response = await page.goto(path);
		if (!response || response.status() >= 400) continue;
		problems.push(...(await layoutProblems(page)).map((problem) => `${path}: ${problem}`));
		if (!axeDone.has(pattern)) {
			axeDone.add(pattern);
			await expectNoAxeViolations(page).catch((error: Error) =>
				problems.push(`${path}: ${error.message.split('\n').slice(0, 12).join(' ')}`)
			);
		}
		queue.push(...(await crawlTargets(page)));
	}
	return { problems, checked: [...seen] };
}

/** These pages only, without following their links. */
async function sweepOnly(page: Page, paths: string[]) {
	const problems: string[] = [];
	for (const path of new Set(paths)) {
		await page.goto(path);
		problems.push(...(await layoutProblems(page)).map((problem) => `${path}: ${problem}`));
		await expectNoAxeViolations(page).catch((error: Error) =>
			problems.push(`${path}: ${error.message.split('\n').slice(0, 12).join(' ')}`)
		);
	}
	return { problems };
}

// The sweep runs at 360 px, the narrowest common phone: what fits there fits at 390 px too.
test.describe('on a 360 px phone', () => {
	test.use({ viewport: SMALLEST });

	for (const [role, email, start] of [
		['learner', demo.learner, ['/', '/kurse', '/zertifikate', '/glossar', '/konto']],
		['trainer', demo.trainer, ['/trainer/lehrgaenge', '/trainer/abgaben', '/trainer/zertifikate']],
		['admin', demo.admin, ['/admin/benutzer', '/admin/kurse', '/admin/einstellungen']]
	] as const) {
		test(`every page a ${role} reaches fits the screen`, async ({ page }) => {
			test.slow();
			await login(page, email);
			const { problems, checked } = await sweep(page, [...start]);
			expect(checked.length).toBeGreaterThan(5);
			expect(problems).toEqual([]);
		});
	}

	test('the Hospitation pages an admin keeps fit the screen', async ({ page }) => {
		await login(page, demo.admin);
		await page.goto('/admin/hospitation');
		const editPages = (await crawlTargets(page)).filter((path) =>
			/^\/admin\/hospitation\/(angebote|organisationen)\//.test(path)
		);
		expect(editPages.length).toBeGreaterThanOrEqual(2);
		const { problems } = await sweepOnly(page, ['/admin/hospitation', ...editPages]);
		expect(problems).toEqual([]);
	});

	test('public pages fit the screen', async ({ page }) => {
		const { problems } = await sweep(page, [
			'/anmelden',
			'/passwort-vergessen',
			'/datenschutz',
			'/barrierefreiheit',
			'/verify'
		]);
		expect(problems).toEqual([]);
	});
});

test.describe('on a 390 px phone', () => {
	test('the menu is one line until opened, and works without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
		const page = await context.newPage();
		await login(page, demo.admin);
		const main = await page.locator('main').boundingBox();
		expect(main!.y).toBeLessThan(160);
		const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
		await expect(nav).toBeHidden();
		await page.locator('summary', { hasText: 'Menü' }).click();
		await expect(nav).toBeVisible();
		await nav.getByRole('link', { name: 'Benutzer' }).click();
		await expect(page).toHaveURL(/\/admin\/benutzer$/);
		await context.close();
	});

	test('with JavaScript, the menu closes when one of its links opens a page', async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport: PHONE });
		const page = await context.newPage();
		await login(page, demo.admin);
		await page.goto('/konto', { waitUntil: 'networkidle' });
		const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
		await page.locator('summary', { hasText: 'Menü' }).click();
		await nav.getByRole('link', { name: 'Benutzer' }).click();
		await expect(page).toHaveURL(/\/admin\/benutzer$/);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(nav).toBeHidden();
		await context.close();
	});
});

test('at 360 px the cohort matrix and summary do not scroll sideways', async ({ page }) => {
	await page.setViewportSize(SMALLEST);
	await login(page, demo.trainer);
	await page.goto('/trainer/lehrgaenge');
	await page
		.getByRole('link', { name: /Lehrgang|Gruppe|20\d\d/ })
		.first()
		.click();
	for (const link of [/Matrix|Fortschritt/, /Übersicht/]) {
		const target = page.getByRole('link', { name: link }).first();
		if (await target.count()) {
			await target.click();
			expect(await layoutProblems(page)).toEqual([]);
			await page.goBack();
		}
	}
});
