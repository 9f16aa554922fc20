import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from '@playwright/test';
import { withDatabase } from './database';
import { blockAppScripts, demo, expect, login, uniqueEmail } from './fixtures';

// The fixture course "Probekurs Digital" opens all modules at once (unlock: open); each test
// takes its quizzes as a learner of its own, so attempt limits never collide between tests.
export const COURSE = 'probe-digital';
export const QUIZ = {
	m1: `/quiz/${COURSE}/informationen-und-daten/wissenscheck`,
	m2: `/quiz/${COURSE}/kommunikation-und-zusammenarbeit/wissenscheck`,
	m3: `/quiz/${COURSE}/online-dienste-der-verwaltung/wissenscheck`,
	m4: `/quiz/${COURSE}/sicherheit-und-datenschutz/wissenscheck`
};
export const FILES = {
	m1: 'tests/fixtures/catalogue/courses/83-probe-digital/01-informationen-und-daten/04-wissenscheck.md',
	m2: 'tests/fixtures/catalogue/courses/83-probe-digital/02-kommunikation-und-zusammenarbeit/04-wissenscheck.md',
	m3: 'tests/fixtures/catalogue/courses/83-probe-digital/03-online-dienste-der-verwaltung/04-wissenscheck.md',
	m4: 'tests/fixtures/catalogue/courses/83-probe-digital/04-sicherheit-und-datenschutz/04-wissenscheck.md'
};

/** A new learner (enrolled in the course unless told otherwise) with the demo password: its hash is copied. */
export async function loginAsFreshLearner(page: Page, enrolled = true): Promise<string> {
	const email = uniqueEmail('quiz');
	const id = `quiz${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
	withDatabase((db) => {
		db.prepare(
			`insert into users (id, email, name, password_hash, role, active, created_at, email_confirmed_at)
			 select ?, ?, 'Quiz Lernende', password_hash, 'learner', 1, ?, ? from users where email = ?`
		).run(id, email, Date.now(), Date.now(), demo.learner);
		if (!enrolled) return;
		db.prepare(
			'insert into enrolments (id, user_id, course_id, cohort_id, created_at) values (?, ?, ?, null, ?)'
		).run(`${id}-e`, id, COURSE, Date.now());
	});
	await login(page, email);
	return id;
}

export const question = (page: Page, number: number) =>
	page.getByRole('group', { name: new RegExp(`^Frage ${number} von \\d+`) });

export async function startQuiz(page: Page, path: string) {
	await page.goto(path);
	await page.getByRole('button', { name: /Quiz beginnen|Neuen Versuch beginnen/ }).click();
	await expect(page).toHaveURL(/\/versuch\/[a-z2-7]{16}$/);
	return page.url();
}

/** "Abgeben", then "Endgültig abgeben" in the summary that names the questions left open. */
export async function submitQuiz(page: Page) {
	await page.getByRole('button', { name: 'Abgeben', exact: true }).click();
	await expect(page.locator(':focus')).toContainText('Jetzt endgültig abgeben?');
	await page.getByRole('button', { name: 'Endgültig abgeben' }).click();
}

export const M2_ORDER = [
	'Prüfen, ob Video für diese Person und dieses Thema passt',
	'Den Link aus einer bekannten Quelle an die Klientin weitergeben',
	'Am Vortag einen kurzen Testanruf machen',
	'Zu Beginn des Termins fragen, ob die Klientin ungestört sprechen kann',
	'Am Ende die Ergebnisse zusammenfassen'
];

/** Moves steps with the "nach oben" buttons (JavaScript on) until they are in `steps` order. */
export async function orderWithButtons(group: Locator, steps: string[]) {
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
export async function answerModule2Right(page: Page, js: boolean) {
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
export function secretsOf(file: string): { text: string; pattern: RegExp }[] {
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
export async function withoutScripts(page: Page, browser: Browser) {
	const context = await browser.newContext({ javaScriptEnabled: true });
	await context.addCookies(await page.context().cookies());
	const copy = await context.newPage();
	await blockAppScripts(copy);
	await copy.goto(page.url());
	return copy;
}
