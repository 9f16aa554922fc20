import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createUser, grantAuthoring } from './support/database';
import { E2E_CONTENT_DIR } from './support/paths.js';
import {
	expect,
	expectNoAxeViolations,
	login,
	test,
	waitForHydrationOnGoto
} from './support/fixtures';

// One author, one page, two tabs: a save based on an older draft is refused with a notice
// instead of overwriting what the other tab saved, and the typed text stays in both tabs. A
// course of its own (nothing here publishes), one page per test, so the tests run side by side.

const COURSE_DIR = '97-e2e-tabs';
const STUDIO = `/studio/${COURSE_DIR}`;
const NOTICE = 'Ihr Entwurf wurde inzwischen anderswo geändert';

/**
 * Other spec files reload the whole content folder at any moment: files appear whole (written
 * beside it, then renamed), never half written.
 */
function placeWhole(target: string, write: (dir: string) => void) {
	const scratch = mkdtempSync(join(E2E_CONTENT_DIR, '..', 'tabs-'));
	write(scratch);
	try {
		renameSync(join(scratch, 'entry'), target);
	} catch {
		// Placed by another worker meanwhile: the same content.
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

function writeProbePage(name: string) {
	const root = join(E2E_CONTENT_DIR, 'courses', COURSE_DIR);
	if (!existsSync(root)) {
		placeWhole(root, (scratch) => {
			mkdirSync(join(scratch, 'entry', '01-grundlagen'), { recursive: true });
			writeFileSync(
				join(scratch, 'entry', 'course.md'),
				'---\ntitle: "Tab-Probekurs"\nsummary: "Zwei Tabs, ein Entwurf."\nunlock: open\n---\n'
			);
			writeFileSync(
				join(scratch, 'entry', '01-grundlagen/module.md'),
				'---\ntitle: "Grundlagen"\n---\n'
			);
		});
	}
	const file = `01-grundlagen/${name}.md`;
	placeWhole(join(root, file), (scratch) =>
		writeFileSync(
			join(scratch, 'entry'),
			`---\ntitle: "${name}"\nminutes: 5\n---\n\n## Start\n\nErste Fassung.\n`
		)
	);
	return `${STUDIO}/bearbeiten?datei=${encodeURIComponent(`courses/${COURSE_DIR}/${file}`)}`;
}

/** Signs a new author in on `page` and opens a second tab of the same session. */
async function secondTab(page: Page, name: string) {
	const person = createUser('trainer', name);
	grantAuthoring(person.id, 'e2e-tabs');
	await login(page, person.email);
	return page.context().newPage();
}

/** The form field behind the editor (CodeMirror keeps it in sync). */
const typedText = (page: Page) => page.locator('textarea[name="text"]');

test('a tab whose draft was saved in another tab meanwhile keeps its text and overwrites only when asked', async ({
	page
}) => {
	const editor = writeProbePage('02-zwei-tabs');
	const tabA = page;
	const tabB = waitForHydrationOnGoto(await secondTab(page, 'Tab Autorin'));
	await tabA.goto(editor);
	await tabB.goto(editor);
	for (const tab of [tabA, tabB]) await expect(tab.locator('.cm-editor')).toBeVisible();
	const body = (tab: Page) => tab.getByRole('textbox', { name: 'Text (Markdown)' });

	await body(tabA).fill('## Start\n\nText aus Tab A.\n');
	await expect(tabA.getByRole('status')).toContainText('Automatisch gespeichert');

	// Tab B still starts from the first version: its autosave is refused and stops.
	await body(tabB).fill('## Start\n\nText aus Tab B.\n');
	await expect(tabB.getByRole('alert')).toContainText('in einem anderen Tab oder Fenster');
	await expect(tabB.getByRole('status')).toContainText('angehalten');
	await tabB.getByRole('button', { name: 'Entwurf speichern' }).click();
	const notice = tabB.getByRole('region', { name: NOTICE });
	await expect(tabB.getByRole('heading', { name: NOTICE })).toBeFocused();
	await expect(notice.getByRole('figure')).toContainText('Text aus Tab A.');
	await expect(typedText(tabB)).toHaveValue(/Text aus Tab B\./);
	await expectNoAxeViolations(tabB);

	await tabA.reload();
	await expect(typedText(tabA)).toHaveValue(/Text aus Tab A\./);

	await notice.getByRole('button', { name: 'Mit meinem Text überschreiben …' }).click();
	await expect(tabB.locator(':focus')).toContainText('Den neueren Entwurf durch Ihren Text');
	await expectNoAxeViolations(tabB);
	await tabB.getByRole('button', { name: 'Ja, mit meinem Text überschreiben' }).click();
	await expect(tabB.getByText('Entwurf gespeichert.')).toBeVisible();
	await expect(notice).toHaveCount(0);

	// Now tab A is the stale one: its text is kept, and it loads the newer draft only when asked.
	await expect(tabA.locator('.cm-editor')).toBeVisible();
	await body(tabA).fill('## Start\n\nNoch mehr aus Tab A.\n');
	await expect(tabA.getByRole('alert')).toContainText('in einem anderen Tab oder Fenster');
	await expect(typedText(tabA)).toHaveValue(/Noch mehr aus Tab A\./);
	await tabA.getByRole('link', { name: /Neueren Entwurf laden/ }).click();
	await expect(typedText(tabA)).toHaveValue(/Text aus Tab B\./);
	await expect(tabA.getByRole('region', { name: NOTICE })).toHaveCount(0);
});

/** Deletes the probe page `title` in `tab` through the studio's course page. */
async function deletePage(tab: Page, title: string) {
	await tab.goto(STUDIO);
	await tab.getByRole('link', { name: `${title} löschen …` }).click();
	await tab.getByRole('button', { name: 'Ja, löschen' }).click();
	await expect(tab.getByRole('link', { name: `${title} löschen …` })).toHaveCount(0);
}

const GONE = 'gelöscht oder verschoben';

test('saving a page deleted in another tab keeps the typed text and says why', async ({ page }) => {
	const editor = writeProbePage('04-geloescht');
	const tabA = page;
	const tabB = waitForHydrationOnGoto(await secondTab(page, 'Tab Geloescht'));
	await tabB.goto(editor);
	await expect(tabB.locator('.cm-editor')).toBeVisible();
	await deletePage(tabA, '04-geloescht');

	await tabB.getByRole('textbox', { name: 'Text (Markdown)' }).fill('## Start\n\nNoch getippt.\n');
	await tabB.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(tabB.getByRole('alert')).toContainText(GONE);
	await expect(typedText(tabB)).toHaveValue(/Noch getippt\./);
	await expect(tabB.getByRole('heading', { level: 1 })).toContainText('04-geloescht');
	await expectNoAxeViolations(tabB);

	// The page a browser without JavaScript gets for the same save (axe needs scripts to run).
	await tabB
		.locator('form[action$="/speichern"]')
		.first()
		.evaluate((form: HTMLFormElement) => form.submit());
	await expect(tabB.getByRole('heading', { level: 1 })).toHaveText(
		'Diese Seite gibt es nicht mehr'
	);
	await expect(tabB.getByLabel('Text (Markdown)')).toHaveValue(/Noch getippt\./);
	await expectNoAxeViolations(tabB);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('saving with the button from a stale tab shows the newer draft and keeps the typed text', async ({
		page
	}) => {
		const editor = writeProbePage('03-ohne-skript');
		const tabA = page;
		const tabB = await secondTab(page, 'Tab Ohne Skript');
		await tabA.goto(editor);
		await tabB.goto(editor);

		await tabA.getByLabel('Text (Markdown)').fill('## Start\n\nGespeichert in Tab A.\n');
		await tabA.getByRole('button', { name: 'Entwurf speichern' }).click();
		await expect(tabA.getByText('Entwurf gespeichert.')).toBeVisible();

		await tabB.getByLabel('Text (Markdown)').fill('## Start\n\nGetippt in Tab B.\n');
		await tabB.getByRole('button', { name: 'Entwurf speichern' }).click();
		await expect(tabB.getByRole('heading', { name: NOTICE })).toBeFocused();
		const notice = tabB.getByRole('region', { name: NOTICE });
		await expect(notice).toContainText('Gespeichert in Tab A.');
		await expect(tabB.getByLabel('Text (Markdown)')).toHaveValue(/Getippt in Tab B\./);
		// Saving again from the same text is refused again; only the confirmed overwrite is not.
		await tabB.getByRole('button', { name: 'Entwurf speichern' }).click();
		await expect(notice).toContainText('Gespeichert in Tab A.');
		await tabA.reload();
		await expect(tabA.getByLabel('Text (Markdown)')).toHaveValue(/Gespeichert in Tab A\./);

		await notice.getByRole('button', { name: 'Mit meinem Text überschreiben …' }).click();
		await expect(tabB.locator(':focus')).toContainText('Den neueren Entwurf durch Ihren Text');
		await tabB.getByRole('button', { name: 'Ja, mit meinem Text überschreiben' }).click();
		await expect(tabB.getByText('Entwurf gespeichert.')).toBeVisible();
		await tabA.goto(editor);
		await expect(tabA.getByLabel('Text (Markdown)')).toHaveValue(/Getippt in Tab B\./);
	});

	test('saving a page deleted in another tab shows the typed text instead of a 404', async ({
		page
	}) => {
		const editor = writeProbePage('05-geloescht-ohne-skript');
		const tabA = page;
		const tabB = await secondTab(page, 'Tab Geloescht Ohne Skript');
		await tabB.goto(editor);
		await deletePage(tabA, '05-geloescht-ohne-skript');

		await tabB.getByLabel('Titel').fill('Neuer Titel');
		await tabB.getByLabel('Text (Markdown)').fill('## Start\n\nOhne Skript getippt.\n');
		const answer = await Promise.all([
			tabB.waitForResponse((response) => response.request().method() === 'POST'),
			tabB.getByRole('button', { name: 'Entwurf speichern' }).click()
		]);
		expect(answer[0].status()).toBe(409);
		await expect(tabB.getByRole('heading', { level: 1 })).toHaveText(
			'Diese Seite gibt es nicht mehr'
		);
		await expect(tabB.getByRole('alert')).toContainText(GONE);
		await expect(tabB.getByLabel('Text (Markdown)')).toHaveValue(/Ohne Skript getippt\./);
		await expect(tabB.getByLabel('Titel')).toHaveValue('Neuer Titel');
		await expect(tabB.getByLabel('Dauer in Minuten')).toHaveValue('5');
		// Opening the deleted page again is a plain 404.
		expect((await tabB.goto(editor))?.status()).toBe(404);
	});
});
