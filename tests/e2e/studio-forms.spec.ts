import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createUser, grantAuthoring } from './support/database';
import { E2E_CONTENT_DIR } from './support/paths.js';
import { expect, expectNoAxeViolations, login, test } from './support/fixtures';

// The studio's forms on a course with two modules: a refused "new page" or "new module" form
// shows its error at its own field (WCAG 3.3.1), an upload never replaces a file of the same name,
// and the publish page points at prompts left from a template. Nothing here publishes, so this
// file does not wait for content-live.spec.ts as studio.spec.ts does.

const COURSE_ID = 'e2e-studio-formulare';
const STUDIO = '/studio/97-e2e-studio-formulare';
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64'
);
/** The same picture with a byte more: another file with the same name. */
const OTHER_PNG = Buffer.concat([PNG, Buffer.from([1])]);

function writeProbeCourse() {
	const root = join(E2E_CONTENT_DIR, 'courses', '97-e2e-studio-formulare');
	mkdirSync(join(root, '01-ankommen', 'bilder'), { recursive: true });
	mkdirSync(join(root, '02-vertiefen'), { recursive: true });
	writeFileSync(
		join(root, 'course.md'),
		'---\ntitle: "Formular-Probekurs"\nsummary: "Zum Testen der Studio-Formulare."\nunlock: open\n---\n'
	);
	writeFileSync(join(root, '01-ankommen/module.md'), '---\ntitle: "Ankommen"\n---\n');
	writeFileSync(join(root, '02-vertiefen/module.md'), '---\ntitle: "Vertiefen"\n---\n');
	// A module without entries is a content error: it would stop every reload of the shared
	// content folder (studio.spec.ts reloads it), not only this course.
	writeFileSync(
		join(root, '02-vertiefen/01-weiter.md'),
		'---\ntitle: "Weiter"\n---\n\n## Weiter\n\nText.\n'
	);
	writeFileSync(join(root, '01-ankommen/bilder/buergeramt.png'), PNG);
	writeFileSync(
		join(root, '01-ankommen/01-start.md'),
		'---\ntitle: "Start"\n---\n\n## Willkommen\n\n![Das Bürgeramt](bilder/buergeramt.png)\n'
	);
}

function author(name: string) {
	const person = createUser('trainer', name);
	grantAuthoring(person.id, COURSE_ID);
	return person;
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(writeProbeCourse);

const newPageForm = (page: Page, module: string) =>
	page.getByRole('form', { name: `Neue Seite in ${module}` });

async function expectRefusedTitleIn(page: Page, module: string, other: string) {
	const summary = page.getByRole('alert');
	await expect(summary).toBeFocused();
	const form = newPageForm(page, module);
	await expect(form.getByRole('alert')).toBeVisible();
	const title = form.getByLabel('Titel', { exact: true });
	await expect(title).toHaveAttribute('aria-invalid', 'true');
	await expect(title).toHaveAccessibleDescription(/Bitte geben Sie einen Titel/);
	await expect(form.getByLabel('Art')).toHaveValue('quiz');
	await expect(newPageForm(page, other).getByLabel('Titel', { exact: true })).not.toHaveAttribute(
		'aria-invalid'
	);
	await summary.getByRole('link', { name: /Bitte geben Sie einen Titel/ }).click();
	await expect(title).toBeFocused();
}

async function uploadImage(page: Page, name: string, buffer: Buffer) {
	await page.goto(`${STUDIO}/medien`);
	await page.getByLabel('Modul').selectOption({ label: 'Ankommen' });
	await page.getByLabel('Datei', { exact: true }).setInputFiles({
		name,
		mimeType: 'image/png',
		buffer
	});
	await page.getByLabel(/Alternativtext/).fill('Wartebereich im Bürgeramt');
	await page.getByRole('button', { name: 'Hochladen' }).click();
}

test('a refused new page names the field of its own module’s form; a refused module its field', async ({
	page
}) => {
	await login(page, author('Formular Autorin').email);
	await page.goto(STUDIO);
	const form = newPageForm(page, 'Vertiefen');
	await form.getByLabel('Art').selectOption({ label: 'Quiz' });
	await form.getByLabel('Titel', { exact: true }).fill('???');
	await form.getByRole('button', { name: 'Anlegen' }).click();
	await expectRefusedTitleIn(page, 'Vertiefen', 'Ankommen');
	await expect(form.getByLabel('Titel', { exact: true })).toHaveValue('???');
	await expectNoAxeViolations(page);

	await page.getByLabel('Titel des Moduls').fill('Ankommen');
	await page.getByRole('button', { name: 'Modul anlegen' }).click();
	const moduleTitle = page.getByLabel('Titel des Moduls');
	await expect(page.getByRole('alert')).toBeFocused();
	await expect(moduleTitle).toHaveAttribute('aria-invalid', 'true');
	await expect(moduleTitle).toHaveAccessibleDescription(/Es gibt schon eine Seite/);
	await expect(moduleTitle).toHaveValue('Ankommen');
	// The page forms no longer show the earlier refusal.
	await expect(form.getByLabel('Titel', { exact: true })).not.toHaveAttribute('aria-invalid');
	await expectNoAxeViolations(page);
});

test('an upload with a taken name keeps the file pages show and says under which name it is', async ({
	page
}) => {
	await login(page, author('Formular Bildredaktion').email);
	await uploadImage(page, 'Buergeramt.png', OTHER_PNG);
	const answer = page.getByRole('status');
	await expect(answer).toBeFocused();
	await expect(answer).toContainText(
		'Eine Datei „bilder/buergeramt.png“ gibt es in diesem Modul schon.'
	);
	await expect(answer).toContainText('die neue Datei heißt deshalb „bilder/buergeramt-2.png“');
	await expect(
		page.getByText('![Wartebereich im Bürgeramt](bilder/buergeramt-2.png)')
	).toBeVisible();
	await expectNoAxeViolations(page);
	const kept = await page.request.get(`${STUDIO}/datei/01-ankommen/bilder/buergeramt.png`);
	expect(Buffer.from(await kept.body())).toEqual(PNG);
	const added = await page.request.get(`${STUDIO}/datei/01-ankommen/bilder/buergeramt-2.png`);
	expect(Buffer.from(await added.body())).toEqual(OTHER_PNG);

	// Two names that make the same file name: the second gets a number too.
	await uploadImage(page, 'Über Ämter ß.png', PNG);
	await expect(
		page.getByText('![Wartebereich im Bürgeramt](bilder/ueber-aemter-ss.png)')
	).toBeVisible();
	await uploadImage(page, 'ueber-aemter-ss.png', OTHER_PNG);
	await expect(page.getByRole('status')).toContainText('„bilder/ueber-aemter-ss-2.png“');
});

test('the publish page points at a prompt left from the template of a new module', async ({
	page
}) => {
	await login(page, author('Formular Modulautorin').email);
	await page.goto(STUDIO);
	await page.getByLabel('Titel des Moduls').fill('Nachbereiten');
	await page.getByRole('button', { name: 'Modul anlegen' }).click();
	await expect(page.getByRole('status')).toContainText('Angelegt');
	await page.goto(`${STUDIO}/veroeffentlichen`);
	const notes = page.getByRole('region', { name: 'Hinweise der Prüfung' });
	await expect(notes).toContainText('03-nachbereiten/module.md');
	await expect(notes).toContainText('„summary“ ist noch der Platzhalter der Vorlage');
	await expect(page.getByRole('button', { name: 'Jetzt veröffentlichen' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a refused new page shows its error at its field, focused and linked', async ({ page }) => {
		await login(page, author('Formular Ohne Skript').email);
		await page.goto(STUDIO);
		const form = newPageForm(page, 'Ankommen');
		await form.getByLabel('Art').selectOption({ label: 'Quiz' });
		await form.getByRole('button', { name: 'Anlegen' }).click();
		// axe needs JavaScript: the test with it above checks the same refused form.
		await expectRefusedTitleIn(page, 'Ankommen', 'Vertiefen');
	});

	test('an upload with a taken name gets a new name and says so', async ({ page }) => {
		await login(page, author('Formular Bilder Ohne Skript').email);
		await uploadImage(page, 'buergeramt.png', OTHER_PNG);
		await expect(page.getByRole('status')).toBeFocused();
		await expect(page.getByRole('status')).toContainText('„bilder/buergeramt-2.png“');
		const kept = await page.request.get(`${STUDIO}/datei/01-ankommen/bilder/buergeramt.png`);
		expect(Buffer.from(await kept.body())).toEqual(PNG);
	});
});
