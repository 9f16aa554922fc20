import type { Page } from '@playwright/test';
import { demo, expect, login, test } from './support/fixtures';

// On a slow phone the form is on screen before the app's JavaScript has run. What someone types
// in that moment must survive hydration, in text fields, text areas and choices alike.

/** Opens `path` with the app's JavaScript held back until the returned function is called. */
async function openBeforeHydration(page: Page, path: string): Promise<() => Promise<void>> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	// Only the scripts: stylesheets block rendering, and a page on screen is the point.
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	// 'commit': goto must not wait for the hydration this test holds back.
	await page.goto(path, { waitUntil: 'commit' });
	return async () => {
		release();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	};
}

test('what is typed into a text field before the page hydrates is kept', async ({ page }) => {
	const hydrate = await openBeforeHydration(page, '/passwort-vergessen');
	const email = page.getByLabel('E-Mail-Adresse');
	await email.fill('vor-der-hydration@example.org');
	await hydrate();
	await expect(email).toHaveValue('vor-der-hydration@example.org');
});

test('what is typed into a text area before the page hydrates is kept', async ({ page }) => {
	const hydrate = await openBeforeHydration(page, '/barrierefreiheit');
	const description = page.getByLabel('Was ist das Problem?');
	await description.fill('Der Kontrast im Menü ist zu schwach.');
	await page.getByLabel('Betroffene Seite oder Adresse (optional)').fill('/kurse');
	await hydrate();
	await expect(description).toHaveValue('Der Kontrast im Menü ist zu schwach.');
	await expect(page.getByLabel('Betroffene Seite oder Adresse (optional)')).toHaveValue('/kurse');
});

test('a choice made before the page hydrates is kept', async ({ page }) => {
	await login(page, demo.learner);
	const hydrate = await openBeforeHydration(page, '/konto');
	// The first „nie“ of the mail settings (a radio button).
	const never = page.locator('input[type="radio"][value="never"]').first();
	await never.check();
	await hydrate();
	await expect(never).toBeChecked();
});

// Lessons render without client-side code (csr = false), so SvelteKit no longer serialises their
// data (scripts/vite/kit-unsent-page-data.ts). An error inside such a route is shown by the
// layouts' error page, which does hydrate: it must still get the layouts' data.
test('the error page inside a lesson route hydrates with the menu', async ({ page }) => {
	await login(page, demo.learner);
	const response = await page.goto('/kurse/probe-digital/informationen-und-daten/gibt-es-nicht');
	expect(response?.status()).toBe(404);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
});
