import { createUser, randomId, withDatabase } from './support/database';
import { expect, expectNoAxeViolations, login, phonePageFor, test } from './support/fixtures';

// A course's alumni network on a 360 px phone: profile fields shown only when opted in, the
// directory and its filter, a post in the alumni area, and leaving (and rejoining) the network.

const COURSE = 'probe-ikbo';
const DIRECTORY = `/alumni/${COURSE}`;

test.use({ viewport: { width: 360, height: 780 } });

/** A valid certificate of the course, as issuing leaves it (the UI path is certificates.spec). */
function certify(userId: string) {
	withDatabase((db) =>
		db
			.prepare(
				`insert into certificates (id, user_id, course_id, year, serial, number, code, snapshot, signature, issued_at)
				 values (?, ?, ?, 2026, ?, ?, ?, '{}', 'sig', ?)`
			)
			.run(
				randomId(),
				userId,
				COURSE,
				100_000 + Math.floor(Math.random() * 800_000),
				`E2E-${randomId()}`,
				randomId().toUpperCase(),
				Date.now()
			)
	);
}

test('opted-in fields in the directory, a post in the alumni area, leaving and rejoining', async ({
	page,
	browser
}) => {
	const alumna = createUser('learner', 'Alma Absolventin');
	const colleague = createUser('learner', 'Kemal Kollege');
	certify(alumna.id);
	certify(colleague.id);

	await login(page, alumna.email);
	// On a phone the links sit in the Menü disclosure.
	await page.locator('summary', { hasText: 'Menü' }).click();
	await page.getByRole('link', { name: 'Alumni', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alumni-Netzwerke');
	await expect(page.getByText('Sie sind Mitglied.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Profil bearbeiten' }).click();
	await page.getByLabel('Im Verzeichnis meiner Netzwerke sichtbar sein').check();
	await page.getByLabel(/Meinen Namen zeigen/).check();
	await page.getByLabel('Organisation', { exact: true }).fill('Schule am Kanal');
	await page.getByLabel('Themen', { exact: true }).fill('Mentoring, Hospitation');
	await page.getByLabel('Themen zeigen').check();
	await page.getByLabel(/Über den Alumni-Austausch/).check();
	await page.getByRole('button', { name: 'Profil speichern' }).click();
	await expect(page.getByText('Ihr Profil ist gespeichert.')).toBeVisible();
	await expectNoAxeViolations(page);

	const colleaguePage = await phonePageFor(browser, colleague.email);
	await colleaguePage.goto(`${DIRECTORY}?thema=mentoring`);
	const card = colleaguePage.getByRole('article', { name: 'Alma Absolventin' });
	await expect(card).toContainText('Mentoring, Hospitation');
	await expect(card).toContainText('über den Alumni-Austausch');
	// The organisation was typed but not released.
	await expect(colleaguePage.getByText('Schule am Kanal')).toHaveCount(0);
	await expectNoAxeViolations(colleaguePage);

	await page.goto(`${DIRECTORY}/austausch`);
	await page.getByRole('link', { name: 'Neues Thema' }).click();
	await page.getByLabel('Titel').fill('Alumni-Treffen im Mai');
	await page.getByLabel('Ihr Beitrag').fill('Wer kommt zum **Treffen**?');
	await page.getByRole('button', { name: 'Thema eröffnen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alumni-Treffen im Mai');
	await expect(page.locator('strong', { hasText: 'Treffen' })).toBeVisible();
	await expectNoAxeViolations(page);
	const threadUrl = page.url();
	await colleaguePage.goto(`${DIRECTORY}/austausch`);
	await expect(colleaguePage.getByRole('link', { name: /Alumni-Treffen im Mai/ })).toBeVisible();

	// Leaving: out of the directory and the area at once; rejoining brings both back.
	await page.goto('/alumni');
	await page.getByRole('button', { name: /^Austreten/ }).click();
	await expect(page.getByText(/Sie sind aus dem Netzwerk .* ausgetreten\./)).toBeVisible();
	expect((await page.goto(threadUrl))?.status()).toBe(404);
	await colleaguePage.goto(DIRECTORY);
	await expect(colleaguePage.getByRole('article', { name: 'Alma Absolventin' })).toHaveCount(0);
	await page.goto('/alumni');
	await page.getByRole('button', { name: /^Wieder beitreten/ }).click();
	await expect(page.getByText('Sie sind Mitglied.')).toBeVisible();
	expect((await page.goto(threadUrl))?.status()).toBe(200);
	await colleaguePage.close();
});
