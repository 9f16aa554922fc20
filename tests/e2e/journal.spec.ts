import { createCohort, createUser } from './support/database';
import { expect, expectNoAxeViolations, login, test } from './support/fixtures';

// The learning journal on a phone: a lesson's reflection question is answered in the private
// journal, an entry is shared with the cohort's trainer and taken back, nobody else reads it.

const COURSE = 'probe-ikbo';
const LESSON = `/kurse/${COURSE}/rolle-und-auftrag/idee-und-rolle`;

test.use({ viewport: { width: 390, height: 844 } });

const GONE = 'Diesen Eintrag gibt es in Ihrem Lerntagebuch nicht (mehr)';

test('a learner answers a reflection question, shares the entry with the trainer and deletes it', async ({
	page,
	browser
}) => {
	const learner = createUser('learner', 'Jule Journal');
	const trainer = createUser('trainer', 'Tom Tagebuch');
	const other = createUser('learner', 'Nele Neugier');
	const cohortId = createCohort(COURSE, trainer.id, [learner.id]);

	await login(page, learner.email);
	await page.goto(LESSON);
	const question = page.getByRole('complementary', { name: 'Frage für Ihr Lerntagebuch' });
	await expect(question).toContainText('An welcher Stelle in Ihrer Organisation');
	await question.getByRole('link', { name: 'Im Lerntagebuch beantworten' }).click();
	await expect(page.getByText(/Frage aus der Lektion „Interkulturelle Botschafter/)).toBeVisible();
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Eintrag speichern' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Bitte schreiben Sie etwas');
	await page.getByLabel('Ihr Eintrag').fill('Im Bürgeramt fehlte eine Übersetzung.');
	await page.getByRole('button', { name: 'Eintrag speichern' }).click();
	const saved = page.getByRole('status').filter({ hasText: 'Ihr Eintrag ist gespeichert.' });
	await expect(saved).toBeInViewport();
	await expect(page.getByRole('heading', { name: '1 Eintrag' })).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Im Bürgeramt' })).toContainText(
		'· privat'
	);
	await expectNoAxeViolations(page);

	const exported = await page.request.get('/tagebuch.md');
	expect(exported.headers()['content-disposition']).toContain('lerntagebuch.md');
	expect(await exported.text()).toContain('Im Bürgeramt fehlte eine Übersetzung.');

	await page.getByRole('link', { name: /Öffnen und bearbeiten/ }).click();
	await page.waitForURL(/\/tagebuch\/[a-z2-7]{16}$/);
	const entryUrl = page.url();
	await page.getByRole('button', { name: 'Eintrag teilen' }).click();
	await expect(page.getByRole('status')).toContainText('jetzt mit Ihren Trainer*innen geteilt');
	await expectNoAxeViolations(page);

	const trainerPage = await (await browser.newContext()).newPage();
	await login(trainerPage, trainer.email);
	await trainerPage.goto(`/trainer/lehrgaenge/${cohortId}/lernende/${learner.id}`);
	await expect(
		trainerPage.getByRole('region', { name: 'Geteilte Einträge aus dem Lerntagebuch' })
	).toContainText('Im Bürgeramt fehlte eine Übersetzung.');

	// Another learner gets 404 for the entry and an empty export.
	const otherPage = await (await browser.newContext()).newPage();
	await login(otherPage, other.email);
	const otherResponse = await otherPage.goto(entryUrl);
	expect(otherResponse!.status(), `${entryUrl} for another learner`).toBe(404);
	// The same words as for a deleted entry: nothing says that this one exists.
	await expect(otherPage.getByText(GONE)).toBeVisible();
	expect(await (await otherPage.request.get('/tagebuch.md')).text()).not.toContain('Bürgeramt');

	// Taken back, the trainer sees nothing any more; then the entry is deleted after a question.
	await page.getByRole('button', { name: 'Teilen zurücknehmen' }).click();
	await expect(page.getByRole('status')).toContainText('wieder privat');
	await trainerPage.reload();
	await expect(trainerPage.getByText('Im Bürgeramt fehlte eine Übersetzung.')).toHaveCount(0);
	await page.getByRole('button', { name: 'Eintrag löschen …' }).click();
	await expect(page.getByText('Diesen Eintrag wirklich löschen?')).toBeVisible();
	await page.getByRole('button', { name: 'Ja, löschen' }).click();
	await expect(page.getByRole('status')).toContainText('Der Eintrag wurde gelöscht.');
	await expect(page.getByText('Noch keine Einträge.')).toBeVisible();

	// Back to the deleted entry: a 404 that says what is missing and leads to the journal.
	await page.goBack();
	await expect(page.getByText(GONE)).toBeVisible();
	await expect(page.getByText('Tippfehler')).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Zurück zum Lerntagebuch' }).click();
	await expect(page.getByText('Noch keine Einträge.')).toBeVisible();
	await Promise.all([trainerPage.context().close(), otherPage.context().close()]);
});

test('the journal works without JavaScript: write, share, delete', async ({ browser }) => {
	const learner = createUser('learner', 'Ohne Skript');
	const trainer = createUser('trainer', 'Tina Teilen');
	createCohort(COURSE, trainer.id, [learner.id]);
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	await login(page, learner.email);
	await page.goto(
		`/tagebuch?lektion=${encodeURIComponent(`${COURSE}/rolle-und-auftrag/idee-und-rolle`)}`
	);
	await page.getByLabel('Ihr Eintrag').fill('Ohne Skript geschrieben.');
	await page.getByRole('button', { name: 'Eintrag speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Ihr Eintrag ist gespeichert.');
	await page.getByRole('link', { name: /Öffnen und bearbeiten/ }).click();
	await page.getByRole('button', { name: 'Eintrag teilen' }).click();
	await expect(page.getByRole('status')).toContainText('jetzt mit Ihren Trainer*innen geteilt');
	await page.getByRole('button', { name: 'Eintrag löschen …' }).click();
	await page.getByRole('button', { name: 'Ja, löschen' }).click();
	await expect(page.getByRole('status')).toContainText('Der Eintrag wurde gelöscht.');
	await context.close();
});
