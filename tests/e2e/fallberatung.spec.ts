import { createCohort, createUser } from './support/database';
import { expect, expectNoAxeViolations, login, phonePageFor, test } from './support/fixtures';

// A kollegiale Fallberatung on a 360 px phone: the trainer starts it, the Moderation steers the
// phases (by keyboard, without JavaScript), the Fallgeber*in tells the case, a Berater*in waits for phase 5.

const COURSE = 'probe-ikbo';
const TITLE = 'Fallberatung: Ein schwieriges Erstgespräch';

test.use({ viewport: { width: 360, height: 780 } });

test('trainer starts a Fallberatung, phases decide who writes', async ({ page, browser }) => {
	const trainer = createUser('trainer', 'Tina Trainerin');
	const giver = createUser('learner', 'Fatma Fallgeberin');
	const moderator = createUser('learner', 'Moritz Moderation');
	const adviser = createUser('learner', 'Berta Beraterin');
	const cohortId = createCohort(COURSE, trainer.id, [giver.id, moderator.id, adviser.id]);

	await login(page, trainer.email);
	await page.goto(`/austausch/${cohortId}`);
	await page.getByRole('link', { name: 'Kollegiale Fallberatung starten' }).click();
	await page.getByRole('button', { name: 'Fallberatung starten' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Fallgeber*in');
	await expectNoAxeViolations(page);
	await page.getByLabel('Titel').fill(TITLE);
	await page.getByLabel('Fallgeber*in').selectOption({ label: 'Fatma Fallgeberin' });
	await page.getByLabel('Moderation').selectOption({ label: 'Moritz Moderation' });
	await page.getByLabel('Einleitung (Phase 1)').fill('Willkommen! Wir beraten in sechs Phasen.');
	await page.getByRole('button', { name: 'Fallberatung starten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	const threadUrl = page.url();
	const roles = page.getByRole('region', { name: 'Kollegiale Fallberatung' });
	await expect(roles).toContainText('Fatma Fallgeberin');
	await expect(roles).toContainText('Berta Beraterin');
	await expect(roles.locator('[aria-current="step"]')).toHaveText('Rollen klären');
	await expectNoAxeViolations(page);

	// The Moderation moves on with the keyboard, without JavaScript.
	const moderation = await phonePageFor(browser, moderator.email, { javaScriptEnabled: false });
	await moderation.goto(threadUrl);
	await moderation.getByRole('button', { name: 'Weiter zu Phase 2' }).focus();
	await moderation.keyboard.press('Enter');
	await expect(
		moderation.getByText('Die Fallberatung ist jetzt in Phase 2: Fallschilderung.')
	).toBeVisible();

	const adviserPage = await phonePageFor(browser, adviser.email);
	await adviserPage.goto(threadUrl);
	await expect(adviserPage.getByText('In dieser Phase hören Sie zu.')).toBeVisible();
	await expect(adviserPage.getByRole('button', { name: 'Antwort senden' })).toHaveCount(0);

	const giverPage = await phonePageFor(browser, giver.email);
	await giverPage.goto('/benachrichtigungen');
	await expect(
		giverPage.getByText(
			`Tina Trainerin hat Sie in der Fallberatung „${TITLE}“ als Fallgeber*in eingeteilt`
		)
	).toBeVisible();
	await giverPage.goto(threadUrl);
	await expect(giverPage.getByText('Ihre Rolle: Fallgeber*in')).toBeVisible();
	await giverPage.getByLabel('Ihr Beitrag').fill('Im Erstgespräch wurde es laut.');
	await giverPage.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(giverPage.getByRole('heading', { name: 'Phase 2: Fallschilderung' })).toBeVisible();

	for (const next of [3, 4, 5]) {
		await moderation.getByRole('button', { name: `Weiter zu Phase ${next}` }).click();
		await expect(moderation.getByText(`Die Fallberatung ist jetzt in Phase ${next}`)).toBeVisible();
	}
	await adviserPage.reload();
	await expect(adviserPage.locator('[aria-current="step"]')).toHaveText('Beratung');
	await adviserPage.getByLabel('Ihr Beitrag').fill('Vielleicht hilft ein fester Rahmen.');
	await adviserPage.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(adviserPage.getByRole('heading', { name: 'Phase 5: Beratung' })).toBeVisible();
	await expectNoAxeViolations(adviserPage);
});
