import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createCohort, createUser, grantAuthoring } from './support/database';
import { E2E_CONTENT_DIR } from './support/paths.js';
import { demo, expect, expectNoAxeViolations, login, postForm, test } from './support/fixtures';

// The studio: trainers with the right write, check, preview and publish course content in the
// browser; learners see it without a restart. The probe course lives only in the e2e server's
// CONTENT_DIR. This file runs after content-live.spec.ts (playwright.config.ts), whose broken
// probe file would otherwise fail the whole-content check of a publish.

const COURSE_ID = 'e2e-studio';
const COURSE_DIR = '98-e2e-studio';
const STUDIO = `/studio/${COURSE_DIR}`;

function writeProbeCourse() {
	const root = join(E2E_CONTENT_DIR, 'courses', COURSE_DIR);
	mkdirSync(join(root, '01-grundlagen'), { recursive: true });
	writeFileSync(
		join(root, 'course.md'),
		'---\ntitle: "Studio-Probekurs"\nsummary: "Zum Testen des Studios."\nunlock: open\n---\n'
	);
	writeFileSync(join(root, '01-grundlagen/module.md'), '---\ntitle: "Grundlagen"\n---\n');
	writeFileSync(
		join(root, '01-grundlagen/01-start.md'),
		'---\ntitle: "Start"\nminutes: 5\n---\n\n## Willkommen\n\nErste Fassung.\n'
	);
}

function author(name: string) {
	const person = createUser('trainer', name);
	grantAuthoring(person.id, COURSE_ID);
	return person;
}

async function openNewPage(page: Page, kind: string, title: string) {
	await page.goto(STUDIO);
	const form = page.getByRole('form', { name: 'Neue Seite in Grundlagen' });
	await form.getByLabel('Art').selectOption({ label: kind });
	await form.getByLabel('Titel', { exact: true }).fill(title);
	await form.getByRole('button', { name: 'Anlegen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} bearbeiten`);
}

/** The body editor once CodeMirror has replaced the textarea (tests with JavaScript). */
async function editorBody(page: Page) {
	await expect(page.locator('.cm-editor')).toBeVisible();
	return page.getByRole('textbox', { name: 'Text (Markdown)' });
}

async function publish(page: Page, message: string) {
	await page.goto(`${STUDIO}/veroeffentlichen`);
	await page.getByLabel(/Was haben Sie geändert/).fill(message);
	await page.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
	await expect(page.getByText(/Veröffentlicht \(Fassung [0-9a-f]{7}\)/)).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
	writeProbeCourse();
	const page = await browser.newPage({ extraHTTPHeaders: { 'x-forwarded-for': '10.251.0.1' } });
	await login(page, demo.admin);
	await page.goto('/admin/inhalte');
	await page.getByRole('button', { name: 'Inhalte neu laden' }).click();
	await expect(page.getByText(/Die Inhalte wurden neu geladen/)).toBeVisible();
	await page.close();
});

test('an author creates a lesson and a quiz, fixes a checker error, publishes, and a learner sees it without a restart', async ({
	page,
	browser
}) => {
	test.slow();
	const trainer = author('Studio Autorin');
	const learnerAccount = createUser('learner', 'Studio Lernende');
	createCohort(COURSE_ID, trainer.id, [learnerAccount.id]);
	const learner = await browser.newPage({ extraHTTPHeaders: { 'x-forwarded-for': '10.251.0.2' } });
	await login(learner, learnerAccount.email);
	await learner.goto(`/kurse/${COURSE_ID}`);
	await expect(learner.getByRole('link', { name: 'Start', exact: true })).toBeVisible();
	await expect(learner.getByText('Fristen im Blick')).toHaveCount(0);

	await login(page, trainer.email);
	await page.goto('/studio');
	await page.getByRole('link', { name: 'Studio-Probekurs' }).click();
	await page.waitForURL(/\/studio\/[^/]+$/);
	await expectNoAxeViolations(page);

	await openNewPage(page, 'Lektion', 'Fristen im Blick');
	const body = await editorBody(page);
	await body.fill('## Fristen\n\nEin Monat.\n\n<Frist>Unbekannt</Frist>\n');
	await expect(page.getByRole('status')).toContainText('Automatisch gespeichert');
	const problems = page.getByRole('region', { name: 'Prüfung' });
	await expect(problems).toContainText('Text, Zeile 5');
	await expect(problems).toContainText('Frist');
	await expectNoAxeViolations(page);

	await body.fill(
		'## Fristen\n\nEin Monat.\n\n<Hinweis typ="tipp">\n\nFrist notieren.\n\n</Hinweis>\n'
	);
	await expect(problems).toContainText('keine Fehler');
	const preview = page.getByRole('region', { name: 'Vorschau' });
	await expect(preview.getByRole('heading', { name: 'Fristen' })).toBeVisible();
	await expect(preview.getByRole('note')).toContainText('Frist notieren.');

	await openNewPage(page, 'Quiz', 'Quiz Fristen');
	await expect(page.getByRole('region', { name: 'Vorschau' })).toContainText(
		'Lösung und Rückmeldungen'
	);
	await expect(page.getByRole('region', { name: 'Vorschau' })).toContainText('richtig:');

	await page.goto(STUDIO);
	await expect(page.getByText('2 Dateien geändert, noch nicht veröffentlicht.')).toBeVisible();
	await page.getByRole('link', { name: 'Änderungen ansehen und veröffentlichen' }).click();
	await expect(
		page.getByRole('region', { name: /Änderungen in .*fristen-im-blick/ })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await publish(page, 'Lektion und Quiz zu Fristen');

	await learner.reload();
	await expect(learner.getByRole('link', { name: 'Fristen im Blick', exact: true })).toBeVisible();
	await learner.getByRole('link', { name: 'Fristen im Blick', exact: true }).click();
	await expect(learner.getByText('Frist notieren.')).toBeVisible();

	// History: the publish is a version with author and message; an older one can be restored.
	await page.goto(`${STUDIO}/verlauf`);
	await expect(page.getByText(/Studio Autorin:\s*„Lektion und Quiz zu Fristen“/)).toBeVisible();
	await expectNoAxeViolations(page);
	await learner.close();
});

test('an older version is restored as a new version', async ({ page }) => {
	const trainer = author('Studio Archivarin');
	await login(page, trainer.email);
	await page.goto(
		`${STUDIO}/bearbeiten?datei=${encodeURIComponent(`courses/${COURSE_DIR}/01-grundlagen/01-start.md`)}`
	);
	await (await editorBody(page)).fill('## Willkommen\n\nZweite Fassung.\n');
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(page.getByText('Entwurf gespeichert.')).toBeVisible();
	await publish(page, 'Zweite Fassung');

	await page.goto(
		`${STUDIO}/verlauf?datei=${encodeURIComponent(`courses/${COURSE_DIR}/01-grundlagen/01-start.md`)}`
	);
	const entries = page.getByRole('list', { name: 'Fassungen' }).getByRole('listitem');
	await expect(entries.first()).toContainText('Zweite Fassung');
	await entries.last().getByRole('link').click();
	await expect(page.getByRole('region', { name: /Änderungen in .*01-start\.md/ })).toBeVisible();
	await expectNoAxeViolations(page);
	const versionUrl = page.url();
	await page
		.getByRole('button', { name: /Diese Fassung von .*01-start\.md wiederherstellen/ })
		.click();
	// Restoring publishes at once: it is asked first, and nothing changed before the yes.
	await expect(page.locator(':focus')).toContainText('sofort für alle veröffentlichen?');
	await expectNoAxeViolations(page);
	await page.goto(`/kurse/${COURSE_ID}/grundlagen/start`);
	await expect(page.getByText('Zweite Fassung.')).toBeVisible();
	await page.goto(versionUrl);
	await page
		.getByRole('button', { name: /Diese Fassung von .*01-start\.md wiederherstellen/ })
		.click();
	await page.getByRole('button', { name: 'Ja, wiederherstellen und veröffentlichen' }).click();
	await expect(page.getByText(/Wiederhergestellt und veröffentlicht/)).toBeVisible();

	await page.goto(`/kurse/${COURSE_ID}/grundlagen/start`);
	await expect(page.getByText('Erste Fassung.')).toBeVisible();
	await page.goto(`${STUDIO}/verlauf`);
	await expect(
		page.getByText(/wiederhergestellt: courses\/98-e2e-studio\/01-grundlagen\/01-start\.md/)
	).toBeVisible();
});

/** A refused change answers at the top of the page and takes the focus (read out, in view). */
async function expectRefusedModule(page: Page) {
	await page.goto(STUDIO);
	await page.getByLabel('Titel des Moduls').fill('Grundlagen');
	await page.getByRole('button', { name: 'Modul anlegen' }).click();
	const refusal = page.getByRole('alert');
	await expect(refusal).toContainText('Es gibt schon eine Seite mit diesem Namen');
	await expect(refusal).toBeFocused();
}

test('a module whose name exists is refused with a message that takes the focus', async ({
	page
}) => {
	await login(page, author('Studio Doppelung').email);
	await expectRefusedModule(page);
});

test('an image uploaded with alt text is picked in the editor and shows in the preview', async ({
	page
}) => {
	const trainer = author('Studio Bildredaktion');
	await login(page, trainer.email);
	await page.goto(`${STUDIO}/medien`);
	const png = Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
		'base64'
	);
	await page.getByLabel('Modul').selectOption({ label: 'Grundlagen' });
	await page.getByLabel('Datei', { exact: true }).setInputFiles({
		name: 'Wartebereich.png',
		mimeType: 'image/png',
		buffer: png
	});
	await page.getByRole('button', { name: 'Hochladen' }).click();
	await expect(page.getByRole('alert')).toContainText('Bitte beschreiben Sie das Bild');
	await page.getByLabel('Datei', { exact: true }).setInputFiles({
		name: 'Wartebereich.png',
		mimeType: 'image/png',
		buffer: png
	});
	await page.getByLabel(/Alternativtext/).fill('Wartebereich im Bürgeramt');
	await page.getByRole('button', { name: 'Hochladen' }).click();
	await expect(
		page.getByText('![Wartebereich im Bürgeramt](bilder/wartebereich.png)')
	).toBeVisible();

	await page.goto(
		`${STUDIO}/bearbeiten?datei=${encodeURIComponent(`courses/${COURSE_DIR}/01-grundlagen/01-start.md`)}`
	);
	await editorBody(page);
	await page.getByLabel('Datei aus diesem Modul').selectOption('bilder/wartebereich.png');
	await page.getByRole('button', { name: 'Datei einfügen' }).click();
	await expect(page.getByText('Bitte beschreiben Sie zuerst das Bild')).toBeVisible();
	await page.getByLabel('Alternativtext für das Bild').fill('Wartebereich im Bürgeramt');
	await page.getByRole('button', { name: 'Datei einfügen' }).click();
	const image = page
		.getByRole('region', { name: 'Vorschau' })
		.getByRole('img', { name: 'Wartebereich im Bürgeramt' });
	await expect(image).toBeVisible();
	expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
});

test('two authors edit the same page: the second sees both versions and chooses', async ({
	page,
	browser
}) => {
	const first = author('Studio Erste');
	const second = author('Studio Zweite');
	const path = encodeURIComponent(`courses/${COURSE_DIR}/01-grundlagen/01-start.md`);
	const other = await browser.newPage({ extraHTTPHeaders: { 'x-forwarded-for': '10.251.0.3' } });
	await login(page, first.email);
	await login(other, second.email);
	for (const [who, text] of [
		[page, 'Fassung der Ersten.'],
		[other, 'Fassung der Zweiten.']
	] as const) {
		await who.goto(`${STUDIO}/bearbeiten?datei=${path}`);
		await (await editorBody(who)).fill(`## Willkommen\n\n${text}\n`);
		await who.getByRole('button', { name: 'Entwurf speichern' }).click();
		await expect(who.getByText('Entwurf gespeichert.')).toBeVisible();
	}
	await publish(other, 'Die Zweite war schneller');

	await page.goto(`${STUDIO}/veroeffentlichen`);
	const conflicts = page.getByRole('region', {
		name: 'Inzwischen wurde eine neuere Fassung veröffentlicht'
	});
	await expect(conflicts).toContainText('Fassung der Zweiten.');
	await expect(conflicts).toContainText('Fassung der Ersten.');
	await expectNoAxeViolations(page);
	await page.getByLabel(/Was haben Sie geändert/).fill('Meine Fassung');
	await page.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
	await expect(conflicts).toBeVisible();
	await expect(page.getByText(/Veröffentlicht \(Fassung/)).toHaveCount(0);

	await conflicts.getByRole('button', { name: 'Meine Fassung behalten' }).click();
	await expect(page.getByText(/Ihre Fassung bleibt Ihr Entwurf/)).toBeVisible();
	await publish(page, 'Meine Fassung');
	await page.goto(`/kurse/${COURSE_ID}/grundlagen/start`);
	await expect(page.getByText('Fassung der Ersten.')).toBeVisible();
	await other.close();
});

test('without the right: a trainer and a learner get 403 on every studio page and action', async ({
	page
}) => {
	const path = encodeURIComponent(`courses/${COURSE_DIR}/01-grundlagen/01-start.md`);
	for (const role of ['trainer', 'learner'] as const) {
		const person = createUser(role, `Ohne Recht ${role}`);
		await login(page, person.email);
		for (const url of [
			'/studio',
			STUDIO,
			`${STUDIO}/bearbeiten?datei=${path}`,
			`${STUDIO}/veroeffentlichen`,
			`${STUDIO}/verlauf`,
			`${STUDIO}/medien`,
			`${STUDIO}/datei/01-grundlagen/bilder/wartebereich.png`
		]) {
			const response = await page.request.get(url, { maxRedirects: 0 });
			expect(response.status(), `${role} ${url}`).toBe(403);
		}
		for (const [url, form] of [
			[`${STUDIO}?/seite`, { modul: '01-grundlagen', art: 'lesson', titel: 'Einbruch' }],
			[`${STUDIO}/veroeffentlichen?/veroeffentlichen`, { nachricht: 'Einbruch' }],
			[`${STUDIO}/entwurf`, { datei: decodeURIComponent(path), titel: 'x', text: 'Einbruch' }],
			['/studio?/kurs', { titel: 'Einbruch' }]
		] as const) {
			expect((await postForm(page, url, form)).status, `${role} ${url}`).toBe(403);
		}
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an author creates, saves with the button, sees the error line, fixes and publishes', async ({
		page
	}) => {
		const trainer = author('Studio Ohne Skript');
		await login(page, trainer.email);
		await openNewPage(page, 'Praxisaufgabe', 'Beobachtung im Amt');
		const body = page.getByLabel('Text (Markdown)');
		await body.fill('## Ihre Aufgabe\n\nBeobachten Sie.\n\n<script>alert(1)</script>\n');
		await page.getByRole('button', { name: 'Entwurf speichern' }).click();
		const problems = page.getByRole('region', { name: 'Prüfung' });
		await expect(problems).toContainText('Text, Zeile 5');
		await page
			.getByLabel('Text (Markdown)')
			.fill('## Ihre Aufgabe\n\nBeobachten Sie einen Termin.\n');
		await page.getByRole('button', { name: 'Entwurf speichern' }).click();
		await expect(problems).toContainText('keine Fehler');
		await expect(page.getByRole('region', { name: 'Vorschau' })).toContainText(
			'Beobachten Sie einen Termin.'
		);

		await expectRefusedModule(page);
		const item = page.getByRole('listitem').filter({ hasText: 'Beobachtung im Amt' });
		await item.getByRole('button', { name: 'Beobachtung im Amt nach oben' }).click();
		await expect(page.getByText('Reihenfolge geändert')).toBeVisible();
		await publish(page, 'Praxisaufgabe ohne JavaScript');
		await page.goto(`/kurse/${COURSE_ID}/grundlagen/beobachtung-im-amt`);
		await expect(page.getByText('Beobachten Sie einen Termin.')).toBeVisible();
	});

	test('deleting a page and discarding drafts ask first, the question focused on a phone', async ({
		page
	}) => {
		const trainer = author('Studio Verwerfen');
		await page.setViewportSize({ width: 360, height: 740 });
		await login(page, trainer.email);
		await openNewPage(page, 'Lektion', 'Nur ein Entwurf');
		await page.goto(STUDIO);
		// The step is a page of its own: without autofocus it would start at the top of the page.
		const focused = page.locator(':focus');
		await page.getByRole('link', { name: 'Nur ein Entwurf löschen …' }).click();
		await expect(focused).toContainText('„Nur ein Entwurf“ löschen?');
		await expect(focused).toBeInViewport();
		await page.getByRole('link', { name: 'Abbrechen' }).click();
		await page.getByRole('link', { name: 'Alle Entwurfsänderungen verwerfen …' }).click();
		await expect(focused).toContainText('Wirklich alle unveröffentlichten Änderungen');
		await expect(focused).toBeInViewport();
		await page.getByRole('link', { name: 'Abbrechen' }).click();
		await expect(page.getByRole('link', { name: 'Nur ein Entwurf löschen …' })).toBeVisible();
		await page.getByRole('link', { name: 'Alle Entwurfsänderungen verwerfen …' }).click();
		await page.getByRole('button', { name: 'Ja, alle verwerfen' }).click();
		await expect(page.getByRole('status')).toHaveText('1 Entwurfsänderung verworfen.');
		await expect(page.getByRole('link', { name: 'Nur ein Entwurf löschen …' })).toHaveCount(0);
	});
});

for (const viewport of [
	{ name: 'Smartphone 360 px', width: 360, height: 740 },
	{ name: 'Desktop', width: 1280, height: 800 }
]) {
	test(`${viewport.name}: every studio page has no axe violations and fits the screen`, async ({
		page
	}) => {
		test.slow();
		await page.setViewportSize(viewport);
		await login(page, demo.admin);
		const file = encodeURIComponent(`courses/${COURSE_DIR}/01-grundlagen/01-start.md`);
		for (const url of [
			'/studio',
			STUDIO,
			`${STUDIO}/bearbeiten?datei=${file}`,
			`${STUDIO}/veroeffentlichen`,
			`${STUDIO}/verlauf`,
			`${STUDIO}/medien`,
			`${STUDIO}?loeschen=${file}`
		]) {
			await page.goto(url);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectNoAxeViolations(page);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, url).toBeLessThanOrEqual(0);
		}
	});
}
