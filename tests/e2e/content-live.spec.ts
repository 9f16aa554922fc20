import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_CONTENT_DIR } from './support/paths.js';
import { demo, expect, expectNoAxeViolations, login, postForm, test } from './support/fixtures';

// Course content is data the server reads from CONTENT_DIR: an admin reloads it without a
// restart, and a version with errors never replaces the live one. The probe course lives
// only in the e2e server's copy of content/ and is removed again at the end.

const COURSE_DIR = join(E2E_CONTENT_DIR, 'courses/99-e2e-live');
const LESSON_FILE = join(COURSE_DIR, '01-modul/01-lektion.md');
const LESSON_PATH = 'courses/99-e2e-live/01-modul/01-lektion.md';
const LESSON_URL = '/kurse/e2e-live/modul/lektion';

const lesson = (extra = '') => `---
title: "Live-Lektion"
minutes: 5
---

## Worum es geht

Eine <Begriff erklaerung="Eine Entscheidung der Behörde.">Bescheidprüfung</Begriff> braucht Zeit.[^frist]

<Hinweis typ="achtung" titel="Frist beachten">

Die Frist beträgt **einen Monat**.

</Hinweis>

## Wer hilft?

| Anliegen | Stelle |
|---|---|
| Bürgergeld | Jobcenter |

## Zum Schluss

${extra}

[^frist]: § 84 SGG, Stand: 2026.
`;

function writeProbeCourse() {
	mkdirSync(join(COURSE_DIR, '01-modul'), { recursive: true });
	writeFileSync(
		join(COURSE_DIR, 'course.md'),
		'---\ntitle: "E2E Live-Kurs"\nsummary: "Zum Testen des Neuladens."\nunlock: open\n---\n'
	);
	writeFileSync(join(COURSE_DIR, '01-modul/module.md'), '---\ntitle: "Modul"\n---\n');
	writeFileSync(LESSON_FILE, lesson('Erste Fassung.'));
}

async function reload(page: Page) {
	await page.goto('/admin/inhalte');
	const button = page.getByRole('button', { name: 'Inhalte neu laden' });
	await button.click();
	// The check parses every course of the folder (the shipped and the fixture ones): measured
	// over 10 s on two busy cores, longer than an expectation waits by default.
	await expect(button).toBeEnabled({ timeout: 60_000 });
}

test.describe('content as live data', () => {
	test.describe.configure({ mode: 'serial' });

	test.afterAll(async ({ browser }) => {
		rmSync(COURSE_DIR, { recursive: true, force: true });
		const page = await browser.newPage({ extraHTTPHeaders: { 'x-forwarded-for': '10.250.0.1' } });
		await login(page, demo.admin);
		await reload(page);
		await expect(page.getByText(/Die Inhalte wurden neu geladen/)).toBeVisible();
		await page.close();
	});

	test('an admin reloads a changed folder and the lesson renders with its components', async ({
		page
	}) => {
		writeProbeCourse();
		await login(page, demo.admin);
		await page.goto(LESSON_URL);
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Live-Lektion');

		await reload(page);
		await expect(
			page.getByText(/Die Inhalte wurden neu geladen\. Es gilt jetzt die Fassung [0-9a-f]{12}\./)
		).toBeVisible();
		await page.goto(LESSON_URL);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Live-Lektion');
		const body = page.locator('.lesson-body');
		const hint = body.getByRole('note');
		await expect(hint).toContainText('Achtung: Frist beachten');
		await expect(hint.locator('strong', { hasText: 'einen Monat' })).toBeVisible();
		await expect(body.getByRole('region', { name: 'Tabelle (seitlich scrollbar)' })).toBeVisible();
		await expect(body.getByRole('cell', { name: 'Jobcenter' })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Inhalt dieser Lektion' })).toBeVisible();

		// Footnotes link both ways.
		await body.getByRole('link', { name: '1', exact: true }).click();
		await expect(page).toHaveURL(/#fn-frist$/);
		await expect(body.locator('#fn-frist')).toContainText('§ 84 SGG');
		await body.getByRole('link', { name: 'Zurück zur Textstelle von Fußnote 1' }).click();
		await expect(page).toHaveURL(/#fnref-frist$/);

		// A term opens its explanation on demand as a popover (the page has no JavaScript), Escape
		// closes it.
		const term = body.getByRole('button', { name: 'Bescheidprüfung' });
		await expect(body.getByText('Eine Entscheidung der Behörde.')).toBeHidden();
		await term.click();
		await expect(body.getByText('Eine Entscheidung der Behörde.')).toBeVisible();
		await term.press('Escape');
		await expect(body.getByText('Eine Entscheidung der Behörde.')).toBeHidden();
		await expectNoAxeViolations(page);
	});

	test('a changed lesson shows after a reload, without a restart', async ({ page }) => {
		writeFileSync(LESSON_FILE, lesson('Zweite Fassung, ohne Neustart.'));
		await login(page, demo.admin);
		await page.goto(LESSON_URL);
		await expect(page.getByText('Erste Fassung.')).toBeVisible();
		await reload(page);
		await expect(page.getByText(/Die Inhalte wurden neu geladen/)).toBeVisible();
		await page.goto(LESSON_URL);
		await expect(page.getByText('Zweite Fassung, ohne Neustart.')).toBeVisible();
	});

	test('a broken version is refused: the old one stays and the admin sees file and line', async ({
		page
	}) => {
		writeFileSync(LESSON_FILE, lesson('Kaputte Fassung.\n\n<script>alert(1)</script>'));
		await login(page, demo.admin);
		await reload(page);
		const refused = page.getByRole('region', { name: 'Die neue Fassung wurde nicht übernommen' });
		await expect(refused).toContainText('enthielt der Inhaltsordner einen Fehler');
		const errors = refused.getByRole('list', { name: 'Fehler mit Datei und Zeile' });
		await expect(errors.getByRole('listitem')).toHaveCount(1);
		await expect(errors).toContainText(`${LESSON_PATH}, Zeile 26`);
		await expect(errors).toContainText('<script> ist in Inhalten nicht erlaubt (führt Code aus).');
		await expectNoAxeViolations(page);

		await page.goto(LESSON_URL);
		await expect(page.getByText('Zweite Fassung, ohne Neustart.')).toBeVisible();
		await expect(page.getByText('Kaputte Fassung.')).toHaveCount(0);

		// Still listed for the next admin who looks, until a reload succeeds.
		await page.goto('/admin/inhalte');
		await expect(refused).toBeVisible();
		writeFileSync(LESSON_FILE, lesson('Repariert.'));
		await reload(page);
		await expect(page.getByText(/Die Inhalte wurden neu geladen/)).toBeVisible();
		await expect(refused).toHaveCount(0);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the reload button works and a term opens its explanation', async ({ page }) => {
			await login(page, demo.admin);
			await reload(page);
			await expect(page.getByText(/Die Inhalte sind unverändert/)).toBeVisible();
			await page.goto(LESSON_URL);
			const body = page.locator('.lesson-body');
			const explanation = body.getByText('Eine Entscheidung der Behörde.');
			await expect(explanation).toBeHidden();
			await body.getByRole('button', { name: 'Bescheidprüfung' }).click();
			await expect(explanation).toBeVisible();
		});
	});
});

test('only admins see and use the content page', async ({ page }) => {
	await login(page, demo.trainer);
	const view = await page.request.get('/admin/inhalte', { maxRedirects: 0 });
	expect(view.status()).toBe(403);
	const action = await postForm(page, '/admin/inhalte?/neuladen', {});
	expect(action.status).toBe(403);
});

for (const viewport of [
	{ name: 'Smartphone 360 px', width: 360, height: 740 },
	{ name: 'Desktop', width: 1280, height: 800 }
]) {
	test.describe(viewport.name, () => {
		test.use({ viewport: { width: viewport.width, height: viewport.height } });

		for (const path of ['/admin/inhalte', '/hilfe', '/hilfe/kurse-schreiben']) {
			test(`${path} has no axe violations and fits the screen`, async ({ page }) => {
				// The authoring guide is a long page: axe needs its time on two shared cores.
				test.slow();
				if (path.startsWith('/admin')) await login(page, demo.admin);
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				await expectNoAxeViolations(page);
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(overflow).toBeLessThanOrEqual(0);
			});
		}
	});
}

test('the help section shows the authoring guide to everyone', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Hilfe' }).click();
	await page.getByRole('link', { name: 'Leitfaden „Kurse schreiben“' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Leitfaden: Kurse schreiben für die Lernplattform'
	);
	await expect(
		page.getByRole('heading', { name: '13. Komponenten: Hinweis, Begriff, Medien' })
	).toBeVisible();
	// Code examples stay code: the guide's own Markdown is shown, not run.
	await expect(
		page.getByText('<Hinweis typ="achtung" titel="Frist beachten">').first()
	).toBeVisible();
});
