import { createInvite, demo, expect, login, test, uniqueEmail } from './support/fixtures';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a learner registers through an invite and logs in and out', async ({ page, browser }) => {
		const trainer = await browser.newPage({ javaScriptEnabled: false });
		await login(trainer, demo.trainer);
		const link = await createInvite(trainer);
		await trainer.close();

		await page.goto(link);
		await page.getByRole('button', { name: 'Konto erstellen' }).click();
		const summary = page.getByRole('alert');
		await expect(summary).toContainText('Bitte geben Sie Ihren Namen ein.');
		// The browser focuses the summary of the returned page (autofocus), as a script would.
		await expect(summary).toBeFocused();
		const email = uniqueEmail('nojs');
		await page.getByLabel('Name').fill('Ohne Skript');
		await page.getByLabel('E-Mail-Adresse').fill(email);
		await page.getByLabel('Neues Passwort', { exact: true }).fill('Leise Tasten ohne Skript');
		await page.getByLabel('Neues Passwort wiederholen').fill('Leise Tasten ohne Skript');
		await page.getByRole('button', { name: 'Konto erstellen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Willkommen, Ohne Skript');
		await page.getByRole('button', { name: 'Abmelden' }).click();
		await expect(page.getByText('Sie sind abgemeldet.')).toBeVisible();
	});

	test('the language switch works and sets lang on the document', async ({ page }) => {
		await page.goto('/anmelden');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.getByRole('button', { name: 'Deutsch' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anmelden');
		await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	});
});
