// Screenshots of the studio for the authoring guide (content/README.md, section 1), taken from
// the built app with the demo data: `npm run build && npm run docs:screenshots`.
import { chromium, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startApp } from '../tests/support/app-server';
import { BROWSER_ARGS, systemBrowserPath } from './system-browser.js';

const OUT = 'static/hilfe';
const COURSE = '/studio/01-interkulturelle-oeffnung';
const LESSON = 'courses/01-interkulturelle-oeffnung/01-rolle-und-auftrag/02-auftrag-klaeren.md';

async function shoot(page: Page, name: string) {
	await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: false });
	console.log(`${OUT}/${name}.png`);
}

const app = await startApp({ port: 4599 });
const browser = await chromium.launch({ executablePath: systemBrowserPath(), args: BROWSER_ARGS });
try {
	mkdirSync(OUT, { recursive: true });
	const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, locale: 'de-DE' });
	await page.goto(`${app.url}/anmelden`);
	await page.getByLabel('E-Mail-Adresse').fill('trainerin@example.org');
	await page.getByLabel('Passwort', { exact: true }).fill('Demo-Lernplattform-2026');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await page.waitForURL(`${app.url}/`);

	await page.goto(`${app.url}${COURSE}`);
	await page.getByRole('heading', { name: 'Aufbau' }).scrollIntoViewIfNeeded();
	await shoot(page, 'studio-kurs');

	await page.goto(`${app.url}${COURSE}/bearbeiten?datei=${encodeURIComponent(LESSON)}`);
	await page.locator('.cm-editor').waitFor();
	await page.locator('.cm-content').click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type(
		'\n\n<Hinweis typ="tipp">\n\nFragen Sie nach einem festen Zeitanteil.\n\n</Hinweis>\n'
	);
	await page.getByText(/Automatisch gespeichert/).waitFor();
	await page
		.getByText('Text (Markdown)', { exact: true })
		.evaluate((label) => label.scrollIntoView());
	await shoot(page, 'studio-editor');

	await page.goto(`${app.url}${COURSE}/veroeffentlichen`);
	await page
		.getByLabel(/Was haben Sie geändert/)
		.fill('Lektion „Auftrag klären“: Tipp zum Zeitanteil');
	await page.locator('.diff').first().scrollIntoViewIfNeeded();
	await shoot(page, 'studio-veroeffentlichen');
	await page.getByRole('button', { name: 'Jetzt veröffentlichen' }).click();
	await page.getByText(/Veröffentlicht \(Fassung/).waitFor();

	await page.goto(`${app.url}${COURSE}/verlauf`);
	await shoot(page, 'studio-verlauf');
} finally {
	await browser.close();
	await app.stop();
}
