import { createCohort, createUser } from './support/database';
import { expect, expectNoAxeViolations, login, phonePageFor, test } from './support/fixtures';

// A learner's own Hospitation applications on a 360 px phone: what they wrote, no second
// application to the same offer, the trainer's notice, and withdrawing one while it is undecided
// (also without JS).

const OFFER = 'Sozialberatung begleiten – Stadtteilzentrum Beispielkiez (Demo)';

test.use({ viewport: { width: 360, height: 780 } });

test('a learner sees the motivation, cannot apply twice, withdraws with a confirm step and may apply again', async ({
	page,
	browser
}) => {
	const learner = createUser('learner', 'Wanda Widerruf');
	const trainer = createUser('trainer', 'Tim Auswahl');
	createCohort('probe-ikbo', trainer.id, [learner.id]);
	const motivation = 'Ich möchte sehen, wie eine offene Sozialberatung arbeitet.';

	await login(page, learner.email);
	await page.goto('/hospitation');
	await page.getByLabel('Angebot', { exact: true }).selectOption({ label: OFFER });
	await page.getByLabel('Ihre Motivation').fill(motivation);
	await page.getByRole('button', { name: 'Bewerbung senden' }).click();
	await expect(page.getByRole('status')).toContainText('Ihre Bewerbung ist gesendet.');
	const mine = page.getByRole('region', { name: 'Meine Bewerbungen' });
	await expect(mine.getByRole('listitem')).toContainText(motivation);
	const offers = page.getByLabel('Angebot', { exact: true }).locator('option', { hasText: OFFER });
	await expect(offers).toHaveCount(0);
	await expectNoAxeViolations(page);

	// The trainer is told, and the notice leads to the application, open until it is withdrawn.
	const trainerPage = await phonePageFor(browser, trainer.email);
	await trainerPage.goto('/benachrichtigungen');
	await trainerPage
		.getByRole('link', {
			name: `Wanda Widerruf hat sich für die Hospitation „${OFFER}“ beworben.`
		})
		.click();
	await expect(trainerPage).toHaveURL(/\/hospitation\/bewerbungen#bewerbung-/);
	await expect(trainerPage.getByRole('heading', { name: 'Wanda Widerruf' })).toBeVisible();

	const noJs = await phonePageFor(browser, learner.email, { javaScriptEnabled: false });
	await noJs.goto('/hospitation');
	const application = noJs.getByRole('region', { name: 'Meine Bewerbungen' }).getByRole('listitem');
	await application.getByRole('button', { name: 'Bewerbung zurückziehen' }).click();
	await expect(application).toContainText(
		'Möchten Sie Ihre Bewerbung für „Sozialberatung begleiten“'
	);
	await application.getByRole('button', { name: 'Bewerbung zurückziehen' }).click();
	await expect(noJs.getByRole('status')).toContainText('Ihre Bewerbung ist zurückgezogen.');
	await expect(application).toContainText('Zurückgezogen');
	await expect(application.getByRole('button')).toHaveCount(0);

	await trainerPage.reload();
	await expect(trainerPage.getByRole('heading', { name: 'Wanda Widerruf' })).toHaveCount(0);

	// Withdrawn, the offer can be applied to again.
	await page.goto('/hospitation');
	await expect(offers).toHaveCount(1);
	await expectNoAxeViolations(page);
});
