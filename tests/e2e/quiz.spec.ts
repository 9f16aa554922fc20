import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from '@playwright/test';
import { withDatabase } from './support/database';
import {
	demo,
	expect,
	expectNoAxeViolations,
	login,
	postForm,
	test,
	uniqueEmail
} from './support/fixtures';

// The shipped course "Digitale Kompetenzen" opens all modules at once (unlock: open); each test
// takes its quizzes as a learner of its own, so attempt limits never collide between tests.
const COURSE = 'digitale-kompetenzen';
const QUIZ = {
	m1: `/quiz/${COURSE}/informationen-und-daten/wissenscheck`,
	m2: `/quiz/${COURSE}/kommunikation-und-zusammenarbeit/wissenscheck`,
	m3: `/quiz/${COURSE}/online-dienste-der-verwaltung/wissenscheck`,
	m4: `/quiz/${COURSE}/sicherheit-und-datenschutz/wissenscheck`
};
const FILES = {
	m1: 'content/courses/03-digitale-kompetenzen/01-informationen-und-daten/04-wissenscheck.md',
	m2: 'content/courses/03-digitale-kompetenzen/02-kommunikation-und-zusammenarbeit/04-wissenscheck.md',
	m3: 'content/courses/03-digitale-kompetenzen/03-online-dienste-der-verwaltung/04-wissenscheck.md',
	m4: 'content/courses/03-digitale-kompetenzen/04-sicherheit-und-datenschutz/04-wissenscheck.md'
};

/** A new learner (enrolled in the course unless told otherwise) with the demo password: its hash is copied. */
async function loginAsFreshLearner(page: Page, enrolled = true): Promise<string> {
	const email = uniqueEmail('quiz');
	const id = `quiz${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
	withDatabase((db) => {
		db.prepare(
			`insert into users (id, email, name, password_hash, role, active, created_at)
			 select ?, ?, 'Quiz Lernende', password_hash, 'learner', 1, ? from users where email = ?`
		).run(id, email, Date.now(), demo.learner);
		if (!enrolled) return;
		db.prepare(
			'insert into enrolments (id, user_id, course_id, cohort_id, created_at) values (?, ?, ?, null, ?)'
		).run(`${id}-e`, id, COURSE, Date.now());
	});
	await login(page, email);
	return id;
}

const question = (page: Page, number: number) =>
	page.getByRole('group', { name: new RegExp(`^Frage ${number} von \\d+`) });

async function startQuiz(page: Page, path: string) {
	await page.goto(path);
	await page.getByRole('button', { name: /Test beginnen|Neuen Versuch beginnen/ }).click();
	await expect(page).toHaveURL(/\/versuch\/[a-z2-7]{16}$/);
	return page.url();
}

const M2_ORDER = [
	'Prüfen, ob Video für diese Person und dieses Thema passt',
	'Den Link aus einer bekannten Quelle an die Klientin weitergeben',
	'Am Vortag einen kurzen Testanruf machen',
	'Zu Beginn des Termins fragen, ob die Klientin ungestört sprechen kann',
	'Am Ende die Ergebnisse zusammenfassen'
];

/** Moves steps with the "nach oben" buttons (JavaScript on) until they are in `steps` order. */
async function orderWithButtons(group: Locator, steps: string[]) {
	await expect(group.locator('ol.ordering')).toBeVisible();
	for (let target = 0; target < steps.length; target++) {
		const texts = (await group.locator('ol.ordering .text').allTextContents()).map((t) => t.trim());
		for (let current = texts.indexOf(steps[target]!); current > target; current--) {
			await group
				.getByRole('button', { name: `nach oben : ${steps[target]}` })
				.or(group.getByRole('button', { name: `nach oben: ${steps[target]}` }))
				.click();
		}
	}
	const final = (await group.locator('ol.ordering .text').allTextContents()).map((t) => t.trim());
	expect(final).toEqual(steps);
}

/** Answers the module 2 quiz completely right; `js` decides how the ordering is answered. */
async function answerModule2Right(page: Page, js: boolean) {
	await question(page, 1).getByLabel('BCC').check();
	await question(page, 2).getByLabel('Lücke 1').fill('  ende-zu-ende-verschlüsselung ');
	await question(page, 2).getByLabel('Lücke 2').fill('Metadaten');
	const messenger = question(page, 3);
	const pairs: [string, string][] = [
		['Signal', 'immer Ende-zu-Ende-verschlüsselt, Telefonnummer vor anderen verbergbar'],
		['Telegram', 'Ende-zu-Ende-Verschlüsselung nur in geheimen Chats zwischen zwei Personen'],
		['Threema', 'funktioniert ohne Telefonnummer, kostenpflichtig'],
		['SMS', 'nicht Ende-zu-Ende-verschlüsselt']
	];
	for (const [left, right] of pairs) {
		await messenger.getByLabel(left, { exact: true }).selectOption({ label: right });
	}
	for (const label of [
		'Vorher die Einwilligung einholen',
		'Regeln zu Dokumenten',
		'Die Gruppe löschen'
	]) {
		await question(page, 4).getByLabel(label).check();
	}
	await question(page, 5).getByLabel('Aufnehmen darf man nur').check();
	if (js) await orderWithButtons(question(page, 6), M2_ORDER);
	else {
		for (const [index, step] of M2_ORDER.entries()) {
			await question(page, 6)
				.getByLabel(step, { exact: true })
				.selectOption({ label: `Position ${index + 1}` });
		}
	}
	for (const label of [
		'Das Mikrofon stumm schalten',
		'Akzeptieren, wenn jemand',
		'Bei einer Verzögerung'
	]) {
		await question(page, 7).getByLabel(label).check();
	}
}

/** Feedback texts and gap solutions of a quiz file that the page cannot show for other reasons. */
function secretsOf(file: string): { text: string; pattern: RegExp }[] {
	const body = readFileSync(file, 'utf8').replace(/^---[\s\S]*?---/, '');
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const feedback = [...body.matchAll(/^\s*>\s?(.+)$/gm)]
		.map((match) => match[1]!.replace(/\\(.)/g, '$1').slice(0, 30))
		.filter((text) => !/[&<>"']/.test(text))
		.map((text) => ({ text, pattern: new RegExp(escape(text)) }));
	const visible = body
		.replace(/^\s*>.*$/gm, '')
		.replace(/\[\[[^\]]*\]\]/g, '')
		.toLowerCase();
	const gaps = [...body.matchAll(/\[\[([^\]]+)\]\]/g)]
		.flatMap((match) => match[1]!.split('|'))
		.filter((answer) => answer.length >= 3 && !visible.includes(answer.toLowerCase()))
		.map((text) => ({
			text,
			pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(text)}(?![\\p{L}\\p{N}])`, 'u')
		}));
	return [...feedback, ...gaps];
}

/**
 * The same page in a browser that runs axe but none of the app's scripts, so the markup checked
 * is the one a browser without JavaScript gets.
 */
async function withoutScripts(page: Page, browser: Browser) {
	const context = await browser.newContext({ javaScriptEnabled: true });
	await context.addCookies(await page.context().cookies());
	const copy = await context.newPage();
	await copy.route(/\.js(\?.*)?$/, (route) => route.abort());
	await copy.goto(page.url());
	return copy;
}

test.describe('quizzes', () => {
	test('a learner passes a quiz, sees the result and a resent submit changes nothing', async ({
		page
	}) => {
		await loginAsFreshLearner(page);
		await page.goto(QUIZ.m2);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Wissenscheck Modul 2');
		await expect(page.getByText('70 %')).toBeVisible();
		await expect(page.getByText('noch 3 von 3')).toBeVisible();
		await expectNoAxeViolations(page);

		const attemptUrl = await startQuiz(page, QUIZ.m2);
		await expectNoAxeViolations(page);
		await answerModule2Right(page, true);
		await page.getByRole('button', { name: 'Abgeben' }).click();

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
		await expect(page.getByText('Sie haben diesen Test bestanden.')).toBeVisible();
		await expect(page.getByRole('cell', { name: /100 % – bestanden/ })).toBeVisible();
	});

	test('a learner fails a quiz and sees feedback and the correct answers', async ({ page }) => {
		await loginAsFreshLearner(page);
		await startQuiz(page, QUIZ.m2);
		await question(page, 1).getByLabel('An', { exact: true }).check();
		await question(page, 2).getByLabel('Lücke 1').fill('Verschlüsselung');
		await question(page, 2).getByLabel('Lücke 2').fill('metadaten');
		await page.getByRole('button', { name: 'Abgeben' }).click();

		await expect(page.getByText('Leider nicht bestanden.')).toBeVisible();
		// Half a cloze question plus whatever the untouched, shuffled order happens to get right.
		await expect(
			page.getByText(/Sie haben ([7-9]|1\d|2[0-1]) % erreicht\. Zum Bestehen sind 70 % nötig\./)
		).toBeVisible();
		await expect(page.getByText('teilweise richtig (50 %)')).toBeVisible();
		await expect(
			page.getByText('Dann sieht jede Person die Adressen aller anderen.')
		).toBeVisible();
		await expect(page.getByText(/richtig: Ende-zu-Ende-Verschlüsselung/)).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Richtige Reihenfolge' })).toBeVisible();
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
			await page.getByRole('button', { name: 'Abgeben' }).click();
			await expect(page.getByText('Leider nicht bestanden.')).toBeVisible();
		}
		await page.goto(QUIZ.m3);
		await expect(
			page.getByText('Sie haben alle Versuche für diesen Test aufgebraucht.')
		).toBeVisible();
		await expect(page.getByRole('button', { name: /Versuch beginnen|Test beginnen/ })).toHaveCount(
			0
		);
		await expectNoAxeViolations(page);

		const posted = await postForm(page, `${QUIZ.m3}?/start`, {});
		expect(posted.status).toBe(400);
		expect(posted.text).toContain('Sie haben keine Versuche mehr für diesen Test.');
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
		await page.getByRole('button', { name: 'Abgeben' }).click();
		await expect(page.getByText('Sie haben 100 % erreicht.')).toBeVisible();

		const trainer = await (await browser.newContext()).newPage();
		await login(trainer, demo.trainer);
		await trainer.goto('/trainer/quiz');
		await trainer
			.getByLabel('Test')
			.selectOption({ label: 'Wissenscheck Modul 2: Kommunikation und Zusammenarbeit' });
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
			await page.getByRole('button', { name: 'Abgeben' }).click();
			await expect(page.getByRole('alert')).toContainText(
				'Frage 6: Bitte vergeben Sie jede Position genau einmal.'
			);
			await expect(first).toHaveValue('2');
			await expect(question(page, 2).getByLabel('Lücke 2')).toHaveValue('Metadaten');
			await expectNoAxeViolations(await withoutScripts(page, browser));

			await first.selectOption({ label: 'Position 1' });
			await page.getByRole('button', { name: 'Abgeben' }).click();
			await expect(page.getByText('Bestanden – herzlichen Glückwunsch!')).toBeVisible();
			await expect(page.getByText('Sie haben 100 % erreicht.')).toBeVisible();
		});
	});
});
