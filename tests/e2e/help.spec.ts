import { demo, expect, expectNoAxeViolations, login, test } from './support/fixtures';

test('the help page starts with help for learners and links admin pages only for admins', async ({
	page,
	browser
}) => {
	await login(page, demo.learner);
	await page.goto('/hilfe');
	await expect(page.getByRole('heading', { name: 'Für Lernende' })).toBeVisible();
	await expect(
		page.getByText('kann Ihre Kursleitung Ihnen einen weiteren Versuch erlauben')
	).toBeVisible();
	// Trainers find where each part of running a cohort lives, by the names the menus use.
	const running = page.getByRole('heading', { name: 'Für Trainer*innen: Lehrgänge begleiten' });
	await expect(running).toBeVisible();
	await expect(page.getByText('„Module vorzeitig freischalten“')).toBeVisible();
	await expect(page.getByText('„Inhalte“')).toBeVisible();
	await expect(page.locator('a[href="/admin/inhalte"]')).toHaveCount(0);
	await expectNoAxeViolations(page);

	const admin = await (await browser.newContext()).newPage();
	await login(admin, demo.admin);
	await admin.goto('/hilfe');
	await expect(
		admin.getByRole('main').getByRole('link', { name: 'Inhalte', exact: true })
	).toHaveAttribute('href', '/admin/inhalte');
	await admin.close();
});

test('the help reads in English for the English locale, and the German guide says so', async ({
	page
}) => {
	await page.goto('/hilfe');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help');
	await expect(page.getByRole('heading', { name: 'For learners' })).toBeVisible();
	await expect(page.getByText('“Unlock modules early”')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'guide “Writing courses”' }).click();
	await expect(page.getByText('This guide is only available in German.')).toBeVisible();
	await expect(page.locator('article div[lang="de"]')).toBeVisible();
	await page.getByRole('button', { name: 'Deutsch' }).click();
	await expect(page.getByText('This guide is only available in German.')).toHaveCount(0);
});
