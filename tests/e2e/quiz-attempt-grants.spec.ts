import type { Page } from '@playwright/test';
import { createCohort, createUser } from './support/database';
import { expect, expectNoAxeViolations, login, postForm, test } from './support/fixtures';
import { COURSE, QUIZ, startQuiz, submitQuiz, withoutScripts } from './support/quiz';

const QUIZ_ID = `${COURSE}/online-dienste-der-verwaltung/wissenscheck`;
const QUIZ_TITLE = 'Quiz Modul 3: Online-Dienste der Verwaltung';
// The button names its quiz in hidden text, which Chromium joins with a space before the colon.
const GRANT_BUTTON = /^Einen weiteren Versuch erlauben ?: Quiz Modul 3: Online-Dienste/;

async function failQuiz(page: Page) {
	await startQuiz(page, QUIZ.m3);
	await submitQuiz(page);
	await expect(page.getByText('Leider nicht bestanden.')).toBeVisible();
}

test.describe('extra quiz attempts', () => {
	test('a trainer of the cohort allows a learner who used up a quiz another attempt', async ({
		page,
		browser
	}) => {
		test.slow();
		const learner = createUser('learner', 'Lena Versuch');
		const trainer = createUser('trainer', 'Tara Lehrgang');
		const otherTrainer = createUser('trainer', 'Otto Nebenan');
		const cohortId = createCohort(COURSE, trainer.id, [learner.id]);
		createCohort(COURSE, otherTrainer.id, []);
		const learnerPage = `/trainer/lehrgaenge/${cohortId}/lernende/${learner.id}`;

		await login(page, learner.email);
		for (let attempt = 0; attempt < 3; attempt++) await failQuiz(page);
		await page.goto(QUIZ.m3);
		await expect(
			page.getByText(
				'Bitte wenden Sie sich an Ihre Trainer*innen – sie können Ihnen einen weiteren Versuch erlauben.'
			)
		).toBeVisible();
		await page.goto(`/kurse/${COURSE}/online-dienste-der-verwaltung`);
		await expect(
			page.getByRole('listitem').filter({ hasText: QUIZ_TITLE }).getByText('Versuche aufgebraucht')
		).toBeVisible();
		expect((await postForm(page, `${learnerPage}?/grantAttempt`, { quizId: QUIZ_ID })).status).toBe(
			403
		);

		// A trainer of another cohort of the course sees neither the page nor may post to it.
		const other = await (await browser.newContext()).newPage();
		await login(other, otherTrainer.email);
		expect((await other.request.get(learnerPage)).status()).toBe(404);
		const refused = await postForm(other, `${learnerPage}?/grantAttempt`, { quizId: QUIZ_ID });
		expect(refused.status).toBe(404);
		await other.close();

		const staff = await (await browser.newContext()).newPage();
		await login(staff, trainer.email);
		await staff.goto(learnerPage);
		// The quiz's row in its module's table (the attempts table names it too, without a link).
		const row = staff
			.getByRole('row')
			.filter({ has: staff.getByRole('link', { name: QUIZ_TITLE, exact: true }) });
		await expect(row).toContainText('Versuche: 3 von 3, nicht bestanden');
		await expectNoAxeViolations(staff);
		await row.getByRole('button', { name: GRANT_BUTTON }).click();
		const done = staff.getByRole('status').filter({ hasText: 'jetzt noch einmal versuchen' });
		await expect(done).toHaveText(`Lena Versuch kann „${QUIZ_TITLE}“ jetzt noch einmal versuchen.`);
		await expect(done).toBeFocused();
		await expect(row.getByRole('button')).toHaveCount(0);
		await expectNoAxeViolations(staff);

		// An unknown quiz is answered in German, not with an error page.
		const unknown = await postForm(staff, `${learnerPage}?/grantAttempt`, {
			quizId: `${COURSE}/online-dienste-der-verwaltung/gibt-es-nicht`
		});
		expect(unknown.status).toBe(400);
		expect(unknown.text).toContain('Dieses Quiz gibt es in diesem Kurs nicht (mehr).');

		await page.goto(QUIZ.m3);
		await expect(page.getByText('noch 1 von 4')).toBeVisible();
		await failQuiz(page);

		// Without JavaScript: the form posts, and the returned page focuses the message.
		await staff.goto(learnerPage);
		await expect(row).toContainText('Versuche: 4 von 4, nicht bestanden');
		const plain = await withoutScripts(staff, browser);
		await plain.getByRole('button', { name: GRANT_BUTTON }).click();
		const plainDone = plain.getByRole('status').filter({ hasText: 'jetzt noch einmal versuchen' });
		await expect(plainDone).toBeFocused();
		await expectNoAxeViolations(plain);
		await plain.close();

		await page.goto(QUIZ.m3);
		await expect(page.getByText('noch 1 von 5')).toBeVisible();
		await startQuiz(page, QUIZ.m3);
	});
});
