import type { Browser } from '@playwright/test';
import { createUser, randomId, withDatabase } from './support/database';
import { expect, login, test } from './support/fixtures';

// On a phone, the answer to a button appears where the button was: in view, focused (so it is
// read out), with and without JavaScript.

const COURSE = 'probe-ikbo';
const ASSIGNMENT = `/aufgaben/${COURSE}/rolle-und-auftrag/praxisaufgabe-auftragsgespraech`;
const LESSON = `/kurse/${COURSE}/rolle-und-auftrag/idee-und-rolle`;
const PHONE = { width: 390, height: 844 };

function enrolledLearner() {
	const learner = createUser('learner', 'Fee Feedback');
	withDatabase((db) =>
		db
			.prepare('insert into enrolments (id, user_id, course_id) values (?, ?, ?)')
			.run(randomId(), learner.id, COURSE)
	);
	return learner;
}

async function phone(browser: Browser, javaScriptEnabled: boolean) {
	const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
	const page = await context.newPage();
	await login(page, enrolledLearner().email);
	return page;
}

for (const javaScriptEnabled of [true, false]) {
	test(`messages appear in view and take the focus (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const page = await phone(browser, javaScriptEnabled);
		await page.goto(ASSIGNMENT);
		await page.getByLabel('Ihr Text').fill('Mein Entwurf für das Auftragsgespräch.');
		await page.getByRole('button', { name: 'Entwurf speichern' }).click();
		const saved = page.getByRole('status').filter({ hasText: 'Ihr Entwurf wurde gespeichert.' });
		await expect(saved).toBeInViewport();
		await expect(saved).toBeFocused();

		await page.getByRole('button', { name: 'Einreichen …' }).click();
		const confirm = page.getByRole('status').filter({ hasText: 'Wirklich einreichen?' });
		await expect(confirm).toBeInViewport();
		await expect(confirm).toBeFocused();

		await page.goto(LESSON);
		await page.getByRole('button', { name: 'Als erledigt markieren' }).click();
		const marked = page.getByRole('status').filter({ hasText: 'als erledigt markiert' });
		await expect(marked).toBeInViewport();
		await expect(marked).toBeFocused();
		await page.context().close();
	});
}

for (const javaScriptEnabled of [true, false]) {
	test(`two invitations in a row both work and both links stay (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
		const page = await context.newPage();
		await login(page, createUser('trainer', 'Tara Einlader').email);
		await page.goto('/einladungen');
		const create = page.getByRole('button', { name: 'Einladungslink erstellen' });
		await create.click();
		const first = (await page.locator('code.link-out').first().textContent())!.trim();
		await expect(page.getByLabel('Wie viele Tage gilt der Link?')).toHaveValue('14');
		await create.click();
		const links = page.locator('code.link-out');
		await expect(links).toHaveCount(2);
		const shown = (await links.allTextContents()).map((link) => link.trim());
		expect(shown).toContain(first);
		expect(new Set(shown).size).toBe(2);
		await context.close();
	});
}

test('the trainer dashboard says how many submissions wait for feedback', async ({ page }) => {
	await login(page, createUser('trainer', 'Nina Neu').email);
	await expect(page.getByText('Keine Abgabe wartet auf Ihre Rückmeldung.')).toBeVisible();
	await page.getByRole('main').getByRole('link', { name: 'Abgaben prüfen' }).click();
	await expect(page).toHaveURL(/\/trainer\/abgaben$/);
});
