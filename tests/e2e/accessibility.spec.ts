import { createInvite, demo, expectNoAxeViolations, login, test } from './support/fixtures';

// Phones (360 px) are covered page by page by phone.spec.ts, which follows every link.
const viewports = [{ name: 'Desktop', width: 1280, height: 800 }];

for (const viewport of viewports) {
	test.describe(viewport.name, () => {
		test.use({ viewport: { width: viewport.width, height: viewport.height } });

		test('public pages have no axe violations', async ({ page }) => {
			for (const path of [
				'/anmelden',
				'/passwort-vergessen',
				'/gibt-es-nicht',
				'/barrierefreiheit',
				'/datenschutz'
			]) {
				await page.goto(path);
				await expectNoAxeViolations(page);
			}
		});

		test('register page has no axe violations, also with errors shown', async ({
			page,
			browser
		}) => {
			const trainer = await browser.newPage();
			await login(trainer, demo.trainer);
			const link = await createInvite(trainer);
			await trainer.close();
			await page.goto(link);
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: 'Konto erstellen' }).click();
			await page.getByRole('alert').waitFor();
			await expectNoAxeViolations(page);
		});

		test('signed-in pages have no axe violations', async ({ page }) => {
			await login(page, demo.admin);
			for (const path of [
				'/',
				'/konto',
				'/einladungen',
				'/admin/postausgang',
				'/mentoring',
				'/mentoring/vermittlung',
				'/hospitation',
				'/hospitation/bewerbungen',
				'/admin/hospitation',
				'/alumni/profil',
				// last: the alumni page, whose first directory is opened next
				'/alumni'
			]) {
				await page.goto(path);
				await expectNoAxeViolations(page);
			}
			// The first network is the demo course's, with the demo graduate and her thread.
			// Each click waits for its page: axe on the page being left checks nothing new, and
			// the directory's links are only unique once it has replaced the list of networks.
			await page.getByRole('link', { name: 'Verzeichnis' }).first().click();
			await page.waitForURL(/\/alumni\/[^/]+$/);
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: 'Alumni-Austausch' }).click();
			await page.waitForURL(/\/austausch$/);
			await expectNoAxeViolations(page);
			await page.goto('/admin/benutzer');
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: 'Aylin Demir' }).click();
			await page.waitForURL(/\/admin\/benutzer\/[^/]+$/);
			await expectNoAxeViolations(page);
		});

		test('the 403 page has no axe violations', async ({ page }) => {
			await login(page, demo.learner);
			await page.goto('/admin/benutzer');
			await expectNoAxeViolations(page);
		});
	});
}

test.describe('dark colour scheme', () => {
	test.use({ colorScheme: 'dark', viewport: { width: 360, height: 740 } });

	test('pages with danger buttons, badges and studio states keep their contrast', async ({
		page
	}) => {
		await login(page, demo.admin);
		await page.goto('/admin/benutzer');
		const person = await page
			.locator('main a[href^="/admin/benutzer/"]')
			.first()
			.getAttribute('href');
		for (const path of ['/', '/admin/benutzer', person!]) {
			await page.goto(path);
			await expectNoAxeViolations(page);
		}
		await login(page, demo.trainer);
		await page.goto('/studio');
		const course = await page.locator('main a[href^="/studio/"]').first().getAttribute('href');
		for (const path of ['/', '/trainer/lehrgaenge', course!]) {
			await page.goto(path);
			await expectNoAxeViolations(page);
		}
	});
});
