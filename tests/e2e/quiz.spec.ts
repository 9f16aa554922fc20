import type { Locator } from '@playwright/test';
import { withDatabase } from './support/database';
import { expect, expectNoAxeViolations, postForm, test } from './support/fixtures';
import {
	answerModule2Right,
	FILES,
	loginAsFreshLearner,
	M2_ORDER,
	question,
	QUIZ,
	secretsOf,
	startQuiz,
	submitQuiz,
	withoutScripts
} from './support/quiz';

test.describe('quizzes', () => {
	test('a learner passes a quiz, sees the result and a resent submit changes nothing', async ({
		page
	}) => {
		await loginAsFreshLearner(page);
		await page.goto(QUIZ.m2);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Quiz Modul 2');
		await expect(page.getByText('70 %')).toBeVisible();
		await expect(page.getByText('noch 3 von 3')).toBeVisible();
		await expectNoAxeViolations(page);

		const startTitle = await page.title();
		const attemptUrl = await startQuiz(page, QUIZ.m2);
		// The attempt is another page than the quiz's start: its title says so (WCAG 2.4.2).
		await expect(page).toHaveTitle(/^Versuch bearbeiten – Quiz Modul 2/);
		expect(await page.title()).not.toBe(startTitle);
		await expectNoAxeViolations(page);
		await answerModule2Right(page, true);
		await submitQuiz(page);

		await expect(page).toHaveURL(/\/ergebnis$/);
		await expect(page.getByText('Bestanden – herzlichen Glückwunsch!')).toBeVisible();
		await expect(page.getByText('Sie haben 100 % erreicht.')).toBeVisible();
		await expect(
			page.getByText('Rundmails an mehrere externe Personen gehören ins BCC.')
		).toBeVisible();
		await expectNoAxeViolations(page);

		const again = await postForm(page, `${attemptUrl}?/submit`, { q1: 'o1' }, { maxRedirects: 0 });
		expect(again.status).toBe(303);
		await page.reload();
		await expect(page.getByText('Sie haben 100 % erreicht.')).toBeVisible();

		await page.goto(QUIZ.m2);
		await expect(page.getByText('Sie haben dieses Quiz bestanden.')).toBeVisible();
		await expect(page.getByRole('cell', { name: /100 % – bestanden/ })).toBeVisible();
	});

	test('a learner fails a quiz and sees feedback, but not the answer key while attempts remain', async ({
		page
	}) => {
		await loginAsFreshLearner(page);
		await startQuiz(page, QUIZ.m2);
		await question(page, 1).getByLabel('An', { exact: true }).check();
		await question(page, 2).getByLabel('Lücke 1').fill('Verschlüsselung');
		await question(page, 2).getByLabel('Lücke 2').fill('metadaten');

		// "Abgeben" first saves and asks, naming the questions left open.
		await page.getByRole('button', { name: 'Abgeben', exact: true }).click();
		const summary = page.getByRole('region', { name: 'Jetzt endgültig abgeben?' });
		await expect(summary).toBeFocused();
		await expect(summary).toContainText(/Sie haben \d von \d+ Fragen vollständig beantwortet\./);
		await expect(summary.getByRole('link', { name: 'Frage 1', exact: true })).toHaveCount(0);
		await summary.getByRole('link', { name: 'Frage 3', exact: true }).click();
		await expect(page).toHaveURL(/#frage-3$/);
		await expectNoAxeViolations(page);
		// Enter in a gap saves, as before: only the button in the summary submits for good.
		await question(page, 2).getByLabel('Lücke 1').press('Enter');
		await expect(page.getByText('Ihre Antworten sind gespeichert.')).toBeVisible();
		await expect(question(page, 2).getByLabel('Lücke 2')).toHaveValue('metadaten');
		await submitQuiz(page);

		await expect(page.getByText('Leider nicht bestanden.')).toBeVisible();
		// Half a cloze question plus whatever the untouched, shuffled order happens to get right.
		await expect(
			page.getByText(/Sie haben ([7-9]|1\d|2[0-1]) % erreicht\. Zum Bestehen sind 70 % nötig\./)
		).toBeVisible();
		await expect(page.getByText('teilweise richtig (50 %)')).toBeVisible();
		await expect(
			page.getByText('Dann sieht jede Person die Adressen aller anderen.')
		).toBeVisible();
		// The key to the next attempt stays hidden until passed or out of attempts.
		await expect(page.getByText(/richtig: Ende-zu-Ende-Verschlüsselung/)).toHaveCount(0);
		await expect(page.getByRole('heading', { name: 'Richtige Reihenfolge' })).toHaveCount(0);
		await expect(page.getByText(/Die richtigen Antworten sehen Sie, sobald/)).toBeVisible();
		await expectNoAxeViolations(page);

		await page.goto(QUIZ.m2);
		await expect(page.getByText('noch 2 von 3')).toBeVisible();
		await expect(page.getByRole('cell', { name: /\d+ % – nicht bestanden/ })).toBeVisible();
	});

	test('after the last attempt no new one can be started, not even by posting', async ({
		page
	}) => {
		const userId = await loginAsFreshLearner(page);
		for (let i = 0; i < 3; i++) {
			await startQuiz(page, QUIZ.m3);
			await submitQuiz(page);
			await expect(page.getByText('Leider nicht bestanden.')).toBeVisible();
			// No attempt left after the third: then the correct answers are shown.
			await expect(page.getByText(/Die richtigen Antworten sehen Sie, sobald/)).toHaveCount(
				i < 2 ? 1 : 0
			);
		}
		await page.goto(QUIZ.m3);
		await expect(
			page.getByText('Sie haben alle Versuche für dieses Quiz aufgebraucht.')
		).toBeVisible();
		await expect(page.getByRole('button', { name: /Versuch beginnen|Quiz beginnen/ })).toHaveCount(
			0
		);
		await expectNoAxeViolations(page);

		const posted = await postForm(page, `${QUIZ.m3}?/start`, {});
		expect(posted.status).toBe(400);
		expect(posted.text).toContain('Sie haben keine Versuche mehr für dieses Quiz.');
		const count = withDatabase(
			(db) =>
				(
					db
						.prepare('select count(*) as n from quiz_attempts where user_id = ? and quiz_id like ?')
						.get(userId, '%online-dienste-der-verwaltung%') as { n: number }
				).n
		);
		expect(count).toBe(3);
	});

	test('an unfinished attempt keeps its answers and layout and can be resumed', async ({
		page
	}) => {
		await loginAsFreshLearner(page);
		const attemptUrl = await startQuiz(page, QUIZ.m2);
		const choicesBefore = await question(page, 3)
			.getByLabel('Signal', { exact: true })
			.locator('option')
			.allTextContents();
		await question(page, 1).getByLabel('CC', { exact: true }).check();
		await question(page, 2).getByLabel('Lücke 2').fill('Metadaten');
		await page.getByRole('button', { name: 'Speichern' }).click();
		await expect(page.getByText('Ihre Antworten sind gespeichert.')).toBeVisible();

		// A tampered form is refused and changes nothing.
		const tampered = await postForm(page, `${attemptUrl}?/save`, { q1: 'o9', 'q2-1': 'x' });
		expect(tampered.status).toBe(400);
		expect(tampered.text).toContain('Das Formular war unvollständig oder verändert.');

		await page.goto(QUIZ.m2);
		await page.getByRole('link', { name: 'Versuch fortsetzen' }).first().click();
		await expect(page).toHaveURL(attemptUrl);
		await expect(question(page, 1).getByLabel('CC', { exact: true })).toBeChecked();
		await expect(question(page, 2).getByLabel('Lücke 2')).toHaveValue('Metadaten');
		await expect(question(page, 2).getByLabel('Lücke 1')).toHaveValue('');
		const choicesAfter = await question(page, 3)
			.getByLabel('Signal', { exact: true })
			.locator('option')
			.allTextContents();
		expect(choicesAfter).toEqual(choicesBefore);
		await page.goto(QUIZ.m2);
		await expect(page.getByText('noch 2 von 3')).toBeVisible();
	});

	test('an open attempt reveals no correct answer or feedback in its HTML or data', async ({
		page
	}) => {
		await loginAsFreshLearner(page);
		for (const key of ['m1', 'm2', 'm3', 'm4'] as const) {
			const attemptUrl = await startQuiz(page, QUIZ[key]);
			const html = await (await page.request.get(attemptUrl)).text();
			const data = await (await page.request.get(`${attemptUrl}/__data.json`)).text();
			expect(html).toContain('Frage 1 von');
			expect(data).toContain('titleHtml');
			const secrets = secretsOf(FILES[key]);
			expect(secrets.length).toBeGreaterThan(5);
			for (const secret of secrets) {
				expect(html, `${key}: ${secret.text}`).not.toMatch(secret.pattern);
				expect(data, `${key}: ${secret.text}`).not.toMatch(secret.pattern);
			}
			for (const key of ['correct', 'feedbackHtml', 'answers', 'pairs', 'steps', 'seed', 'slots']) {
				expect(data).not.toContain(`"${key}"`);
				expect(html).not.toContain(`${key}:`);
			}
		}
	});

	test('a quiz can be answered and submitted with the keyboard only', async ({ page }) => {
		await loginAsFreshLearner(page);
		await startQuiz(page, QUIZ.m3);
		await expect(page.locator('ol.ordering')).toBeVisible();

		/** Presses Tab until `target` has focus (fails if it is not reachable). */
		const tabTo = async (target: Locator) => {
			for (let i = 0; i < 80; i++) {
				if (await target.evaluate((element) => element === document.activeElement)) return;
				await page.keyboard.press('Tab');
			}
			throw new Error('not reachable with Tab');
		};
		const steps = [
			'Die passende Dienstleistung suchen',
			'Voraussetzungen und erforderliche Unterlagen lesen',
			'„Termin berlinweit suchen“ wählen',
			'Einen freien Termin im Kalender auswählen und die Daten der Klient*in eingeben',
			'Die Terminbestätigung speichern'
		];
		const ordering = question(page, 1);
		for (let target = 0; target < steps.length; target++) {
			const texts = (await ordering.locator('ol.ordering .text').allTextContents()).map((t) =>
				t.trim()
			);
			for (let current = texts.indexOf(steps[target]!); current > target; current--) {
				const button = ordering
					.locator('li')
					.nth(current)
					.getByRole('button', { name: /nach oben/ });
				await tabTo(button);
				await page.keyboard.press('Enter');
				await expect(
					ordering
						.locator('li')
						.nth(current - 1)
						.locator('.text')
				).toHaveText(steps[target]!);
			}
		}
		await expect(
			page.getByRole('status').filter({ hasText: 'steht jetzt an Position' })
		).toHaveCount(1);

		// Single choice, written order: the right answer is the second option.
		await tabTo(question(page, 2).getByRole('radio').first());
		await page.keyboard.press('ArrowDown');
		await expect(question(page, 2).getByLabel(/Sie bucht den Termin/)).toBeChecked();

		const matching = question(page, 3);
		for (const [left, right] of [
			['Personalausweis', 'd'],
			['eID-Karte', 'B'],
			['elektronischer Aufenthaltstitel', 'M']
		] as const) {
			await tabTo(matching.getByLabel(left, { exact: true }));
			await page.keyboard.type(right);
		}
		for (const [gap, value] of [
			['Lücke 1', 'fünf'],
			['Lücke 2', '6'],
			['Lücke 3', 'puk']
		] as const) {
			await tabTo(question(page, 4).getByLabel(gap));
			await page.keyboard.type(value);
		}
		await tabTo(page.getByRole('button', { name: 'Abgeben' }));
		await page.keyboard.press('Enter');
		await expect(page.locator(':focus')).toContainText(
			'Sie haben 4 von 8 Fragen vollständig beantwortet.'
		);
		await tabTo(page.getByRole('button', { name: 'Endgültig abgeben' }));
		await page.keyboard.press('Enter');

		await expect(page).toHaveURL(/\/ergebnis$/);
		await expect(page.getByText('Sie haben 50 % erreicht.')).toBeVisible();
		for (const number of [1, 2, 3, 4]) {
			await expect(
				page
					.getByRole('region', { name: new RegExp(`^Frage ${number} von 8`) })
					.locator('p.outcome')
			).toHaveText('✓ richtig');
		}
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('a learner saves, resumes and passes a quiz with number selects for the order', async ({
			page,
			browser
		}) => {
			await loginAsFreshLearner(page);
			await startQuiz(page, QUIZ.m2);
			await expect(question(page, 6).getByRole('combobox')).toHaveCount(5);
			await answerModule2Right(page, false);
			await page.getByRole('button', { name: 'Speichern' }).click();
			await expect(page.getByText('Ihre Antworten sind gespeichert.')).toBeVisible();
			await expect(question(page, 2).getByLabel('Lücke 2')).toHaveValue('Metadaten');

			// The same position twice is a learner's mistake: message, input kept.
			const first = question(page, 6).getByLabel(M2_ORDER[0]!, { exact: true });
			await first.selectOption({ label: 'Position 2' });
			await page.getByRole('button', { name: 'Abgeben', exact: true }).click();
			await expect(page.getByRole('alert')).toContainText(
				'Frage 6: Bitte vergeben Sie jede Position genau einmal.'
			);
			await expect(first).toHaveValue('2');
			await expect(question(page, 2).getByLabel('Lücke 2')).toHaveValue('Metadaten');
			await expectNoAxeViolations(await withoutScripts(page, browser));

			await first.selectOption({ label: 'Position 1' });
			await submitQuiz(page);
			await expect(page.getByText('Bestanden – herzlichen Glückwunsch!')).toBeVisible();
			await expect(page.getByText('Sie haben 100 % erreicht.')).toBeVisible();
		});
	});
});
