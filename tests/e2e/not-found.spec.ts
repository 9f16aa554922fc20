import { createCohort, createUser, randomId } from './support/database';
import { expect, expectNoAxeViolations, phonePageFor, test } from './support/fixtures';

// Detail pages of things that can be deleted answer 404 with words that fit and a link back to
// their list, the same whether the thing was deleted, never existed or is someone else's.
// (The diary's Back-after-delete journey is in journal.spec.ts.)

test('a missing topic and a missing event say what is missing and lead back to the list', async ({
	browser
}) => {
	const learner = createUser('learner', 'Nora Nichtda');
	const trainer = createUser('trainer', 'Theo Tafel');
	const cohortId = createCohort('probe-ikbo', trainer.id, [learner.id]);
	const page = await phonePageFor(browser, learner.email);

	const topic = await page.goto(`/austausch/${cohortId}/${randomId()}`);
	expect(topic?.status()).toBe(404);
	await expect(page.getByText('Dieses Thema gibt es hier nicht (mehr)')).toBeVisible();
	await expect(page.getByText('Tippfehler')).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Zurück zum Austausch' }).click();
	await expect(page).toHaveURL(new RegExp(`/austausch/${cohortId}$`));

	const event = await page.goto(`/veranstaltungen/${randomId()}`);
	expect(event?.status()).toBe(404);
	await expect(page.getByText('Diese Veranstaltung können wir Ihnen nicht zeigen')).toBeVisible();
	await page.getByRole('link', { name: 'Zurück zu den Veranstaltungen' }).click();
	await expect(page).toHaveURL(/\/veranstaltungen$/);

	const pair = await page.goto(`/mentoring/${randomId()}`);
	expect(pair?.status()).toBe(404);
	await expect(page.getByText('Dieses Mentoring gibt es für Ihr Konto nicht (mehr)')).toBeVisible();
	await page.getByRole('link', { name: 'Zum Mentoring' }).click();
	await expect(page).toHaveURL(/\/mentoring$/);

	const trainerPage = await phonePageFor(browser, trainer.email);
	const managed = await trainerPage.goto(`/trainer/veranstaltungen/${randomId()}`);
	expect(managed?.status()).toBe(404);
	await expect(trainerPage.getByRole('link', { name: /Veranstaltungen verwalten/ })).toBeVisible();
});

test('an admin sees that an account or an organisation is gone, with the way back', async ({
	browser
}) => {
	const admin = await phonePageFor(browser, 'admin@example.org');
	const account = await admin.goto(`/admin/benutzer/${randomId()}`);
	expect(account?.status()).toBe(404);
	await expect(admin.getByText('Dieses Konto gibt es nicht (mehr)')).toBeVisible();
	await expect(admin.getByRole('link', { name: 'Zur Liste der Benutzer*innen' })).toBeVisible();
	const organisation = await admin.goto(`/admin/hospitation/organisationen/${randomId()}`);
	expect(organisation?.status()).toBe(404);
	await expect(admin.getByText('Diese Organisation gibt es nicht (mehr)')).toBeVisible();
	await expect(admin.getByRole('link', { name: 'Hospitation verwalten' })).toBeVisible();
});
