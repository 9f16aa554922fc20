import { withDatabase } from './support/database';
import { demo, expect, expectNoAxeViolations, login, postForm, test } from './support/fixtures';
import {
	answerModule2Right,
	COURSE,
	loginAsFreshLearner,
	QUIZ,
	startQuiz,
	submitQuiz
} from './support/quiz';

test.describe('quiz access and statistics', () => {
	test('quizzes and attempts are only open to those allowed', async ({ page, browser }) => {
		await loginAsFreshLearner(page);
		const attemptUrl = await startQuiz(page, QUIZ.m1);

		const other = await browser.newPage();
		await loginAsFreshLearner(other);
		const foreign = await other.request.get(attemptUrl);
		expect(foreign.status()).toBe(404);
		const foreignResult = await other.request.get(`${attemptUrl}/ergebnis`);
		expect(foreignResult.status()).toBe(404);
		const foreignPost = await postForm(other, `${attemptUrl}?/submit`, {});
		expect(foreignPost.status).toBe(404);
		await other.close();

		// Not enrolled in this course: back to the module page.
		const stranger = await browser.newPage();
		await loginAsFreshLearner(stranger, false);
		const response = await stranger.request.get(QUIZ.m1, { maxRedirects: 0 });
		expect(response.status()).toBe(303);
		expect(response.headers().location).toBe(`/kurse/${COURSE}/informationen-und-daten`);
		// A practice assignment (e.g. linked from the glossary) leads to the same notice, no 404.
		await stranger.goto(`/aufgaben/probe-ikbo/rolle-und-auftrag/praxisaufgabe-auftragsgespraech`);
		await expect(stranger).toHaveURL(/\/kurse\/probe-ikbo\/rolle-und-auftrag$/);
		await expect(stranger.getByText('Sie sind in diesen Kurs nicht eingeschrieben.')).toBeVisible();
		await stranger.close();

		expect(
			(await page.request.get(`/quiz/${COURSE}/informationen-und-daten/gibt-es-nicht`)).status()
		).toBe(404);
		expect((await page.request.get('/trainer/quiz')).status()).toBe(403);
	});

	test('trainers see attempts, pass rate, average and difficulty for their cohort', async ({
		page,
		browser
	}) => {
		const cohortId = `quizc${Date.now().toString(36)}`;
		const learnerId = await loginAsFreshLearner(page);
		withDatabase((db) => {
			const trainer = db.prepare('select id from users where email = ?').get(demo.trainer) as {
				id: string;
			};
			db.prepare(
				'insert into cohorts (id, course_id, name, created_by, created_at) values (?, ?, ?, ?, ?)'
			).run(cohortId, COURSE, `Lehrgang Quiz ${cohortId}`, trainer.id, Date.now());
			db.prepare('insert into cohort_trainers (cohort_id, user_id) values (?, ?)').run(
				cohortId,
				trainer.id
			);
			db.prepare('update enrolments set cohort_id = ? where user_id = ?').run(cohortId, learnerId);
		});
		await startQuiz(page, QUIZ.m2);
		await answerModule2Right(page, true);
		await submitQuiz(page);
		await expect(page.getByText('Sie haben 100 % erreicht.')).toBeVisible();

		const trainer = await (await browser.newContext()).newPage();
		await login(trainer, demo.trainer);
		await trainer.goto('/trainer/quiz');
		await trainer
			.getByLabel('Quiz', { exact: true })
			.selectOption({ label: 'Quiz Modul 2: Kommunikation und Zusammenarbeit' });
		await trainer.getByLabel('Lehrgang').selectOption({ label: `Lehrgang Quiz ${cohortId}` });
		await trainer.getByRole('button', { name: 'Auswertung anzeigen' }).click();
		await expect(trainer.getByRole('heading', { name: /Lehrgang Quiz/ })).toBeVisible();
		await expect(trainer.locator('dd').first()).toHaveText('1');
		await expect(trainer.getByText('1 von 1 bestanden')).toBeVisible();
		const row = trainer.getByRole('row', { name: /In welches Feld gehören die Adressen/ });
		await expect(row.getByRole('cell').last()).toHaveText('100 %');
		await expectNoAxeViolations(trainer);

		await trainer.goto(
			`/trainer/quiz?test=${encodeURIComponent(`${COURSE}/kommunikation-und-zusammenarbeit/wissenscheck`)}&lehrgang=fremd`
		);
		await expect(trainer.getByRole('alert')).toContainText(
			'Bitte wählen Sie einen Ihrer Lehrgänge'
		);
		await trainer.close();
	});
});
