import { createCohort, createUser } from './support/database';
import { expect, login, phonePageFor, test } from './support/fixtures';

// After a successful action SvelteKit resets the focus; on a URL with a fragment (a confirm
// step's link, a notice's link) that reset used to land after the answer had taken the focus,
// and dropped it to <body>. The answer must keep it, whatever the URL carries.

const OFFER = 'Sozialberatung begleiten – Stadtteilzentrum Beispielkiez (Demo)';

test.use({ viewport: { width: 360, height: 780 } });

test('the answer keeps the focus after a confirm step and after arriving by a link with a fragment', async ({
	page,
	browser
}) => {
	const learner = createUser('learner', 'Fokus Folge');
	const trainer = createUser('trainer', 'Tim Fokus');
	createCohort('probe-ikbo', trainer.id, [learner.id]);
	await login(page, learner.email);
	await page.goto('/hospitation');
	const status = page.getByRole('status');
	const apply = async () => {
		await page.getByLabel('Angebot', { exact: true }).selectOption({ label: OFFER });
		await page.getByLabel('Ihre Motivation').fill('Ich möchte der Sozialberatung zusehen.');
		await page.getByRole('button', { name: 'Bewerbung senden' }).click();
		await expect(status).toContainText('Ihre Bewerbung ist gesendet.');
		await expect(status).toBeFocused();
	};
	await apply();

	// Withdrawing asks first (a link to ?zurueckziehen=…#bewerbungen), then answers.
	const application = page.getByRole('region', { name: 'Meine Bewerbungen' }).getByRole('listitem');
	await application.getByRole('button', { name: 'Bewerbung zurückziehen' }).click();
	await expect(application.locator('p', { hasText: 'Möchten Sie' })).toBeFocused();
	await application.getByRole('button', { name: 'Bewerbung zurückziehen' }).click();
	await expect(status).toContainText('Ihre Bewerbung ist zurückgezogen.');
	await page.waitForTimeout(300); // SvelteKit's reset runs in a timeout after the answer
	await expect(status).toBeFocused();

	// Applying again at once with the same text is a new application, not a double click (it
	// used to be answered "gesendet" and not saved). The trainer arrives at it by its fragment.
	await apply();
	const trainerPage = await phonePageFor(browser, trainer.email);
	await trainerPage.goto('/hospitation/bewerbungen');
	const card = trainerPage.getByRole('listitem').filter({ hasText: 'Fokus Folge' });
	await trainerPage.goto(`/hospitation/bewerbungen#${await card.getAttribute('id')}`);
	await card.getByRole('button', { name: 'Annehmen' }).click();
	const answer = trainerPage.getByRole('status');
	await expect(answer).toBeVisible();
	await trainerPage.waitForTimeout(300);
	await expect(answer).toBeFocused();
});
