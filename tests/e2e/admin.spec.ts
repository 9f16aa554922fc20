import {
	createInvite,
	demo,
	expect,
	expectNoAxeViolations,
	login,
	postForm,
	test,
	uniqueEmail
} from './support/fixtures';

const PASSWORD = 'Sonnenblume Fahrrad Brücke';

async function register(
	page: import('@playwright/test').Page,
	link: string,
	name: string,
	email: string
) {
	await page.goto(link, { waitUntil: 'networkidle' });
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Neues Passwort', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Neues Passwort wiederholen').fill(PASSWORD);
	await page.getByRole('button', { name: 'Konto erstellen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Willkommen');
}

test('an admin searches users, changes a role and creates a one-time reset link', async ({
	page,
	browser
}) => {
	await login(page, demo.admin);
	const link = await createInvite(page, { role: 'learner' });
	const email = uniqueEmail('rolle');
	const person = await browser.newPage();
	await register(person, link, 'Rollen Wechsel', email);

	await page.goto('/admin/benutzer');
	await page.getByLabel('Name oder E-Mail-Adresse').fill(email);
	await page.getByRole('button', { name: 'Suchen' }).click();
	await expect(page.getByText('1 Konto gefunden')).toBeVisible();
	await page.getByRole('link', { name: 'Rollen Wechsel' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rollen Wechsel');

	// A role change asks first and says what the new role sees; "Abbrechen" changes nothing.
	await page.getByLabel('Rolle', { exact: true }).selectOption('trainer');
	await page.getByRole('button', { name: 'Rolle speichern' }).click();
	await expect(page.locator(':focus')).toHaveText(
		'Rolle von Rollen Wechsel von „Lernende*r“ zu „Trainer*in“ ändern?'
	);
	await expect(page.getByText('Trainer*innen sehen die Lehrgänge')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Abbrechen' }).click();
	await expect(page.getByLabel('Rolle', { exact: true })).toHaveValue('learner');
	await page.getByLabel('Rolle', { exact: true }).selectOption('trainer');
	await page.getByRole('button', { name: 'Rolle speichern' }).click();
	await page.getByRole('button', { name: 'Ja, Rolle ändern' }).click();
	await expect(page.getByRole('status')).toContainText('Die Rolle wurde gespeichert.');
	await person.goto('/einladungen');
	await expect(person.getByRole('heading', { level: 1 })).toHaveText('Einladungen');

	await page.getByRole('button', { name: 'Link zum Zurücksetzen erstellen' }).click();
	const resetLink = (await page.locator('code.link-out').textContent())!.trim();
	const stranger = await browser.newPage();
	await stranger.goto(resetLink);
	await stranger.getByLabel('Neues Passwort', { exact: true }).fill('Zurückgesetzt und neu 2026');
	await stranger.getByLabel('Neues Passwort wiederholen').fill('Zurückgesetzt und neu 2026');
	await stranger.getByRole('button', { name: 'Passwort speichern' }).click();
	await expect(stranger.getByRole('status')).toContainText('Ihr neues Passwort ist gespeichert.');
	await login(stranger, email, 'Zurückgesetzt und neu 2026');

	expect((await stranger.goto(resetLink))?.status()).toBe(404);
	await expect(stranger.getByText('ungültig, abgelaufen oder wurde schon benutzt')).toBeVisible();
	// not a dead end: a new link can be requested from here
	await stranger.getByRole('link', { name: 'Neuen Link zum Zurücksetzen anfordern' }).click();
	await expect(stranger).toHaveURL(/\/passwort-vergessen$/);
	// the old session of the person ended with the reset
	await person.goto('/');
	await expect(person).toHaveURL(/\/anmelden/);
	// Registration, link and its use are in the audit log under their own names, also in the filter.
	await page.goto(`/admin/protokoll?person=${encodeURIComponent(email)}`);
	const log = page.getByRole('table');
	await expect(log).toContainText('Link zum Zurücksetzen erstellt');
	await expect(log).toContainText('Passwort zurückgesetzt');
	await expect(log).toContainText('Konto angelegt'); // the registration through the invitation
	for (const label of [
		'Link zum Zurücksetzen erstellt',
		'Passwort zurückgesetzt',
		'Passwort geändert',
		'Anmeldung gesperrt (zu viele Versuche)',
		'Konto angelegt'
	])
		await expect(page.getByLabel('Aktion').locator('option', { hasText: label })).toHaveCount(1);
	await person.close();
	await stranger.close();
});

test('an admin cannot deactivate their own account', async ({ page }) => {
	await login(page, demo.admin);
	await page.goto(`/admin/benutzer?suche=${demo.admin}`);
	await page.getByRole('link', { name: 'Jonas Admin' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jonas Admin');
	await expect(page.getByRole('button', { name: 'Konto deaktivieren …' })).toHaveCount(0);
	const response = await postForm(page, `${new URL(page.url()).pathname}?/deactivate`, {
		bestaetigt: 'ja'
	});
	expect(response.status).toBe(400);
	expect(response.text).toContain('Sie können Ihr eigenes Konto nicht deaktivieren.');
});

test('trainers can only invite learners; an invite can be withdrawn after confirmation', async ({
	page,
	browser
}) => {
	await login(page, demo.trainer);
	await page.goto('/einladungen');
	await expect(page.getByLabel('Rolle')).toHaveCount(0);
	const forged = await postForm(page, '/einladungen?/create', {
		role: 'admin',
		usage: 'single',
		validDays: '7'
	});
	expect(forged.status).toBe(403);
	expect(forged.text).toContain('Trainer*innen können nur Lernende einladen.');

	const link = await createInvite(page, { uses: 3, days: 3 });
	await page.getByRole('button', { name: 'Zurückziehen …' }).first().click();
	await page.getByRole('button', { name: 'Ja, zurückziehen' }).click();
	await expect(page.getByRole('status')).toContainText('Die Einladung wurde zurückgezogen.');
	const visitor = await browser.newPage();
	await visitor.goto(link, { waitUntil: 'networkidle' });
	await expect(visitor.getByText('Dieser Einladungslink wurde zurückgezogen.')).toBeVisible();
	await visitor.close();
});

test('invite form rejects bad numbers and an email on a multi-use link', async ({ page }) => {
	await login(page, demo.admin);
	await page.goto('/einladungen');
	await page.getByLabel('Mehrmals (für eine Gruppe)').check();
	await page.getByLabel('Höchstzahl der Registrierungen').fill('100000');
	await page.getByLabel('E-Mail-Adresse (optional)').fill('a@example.org');
	await page.getByLabel('Wie viele Tage gilt der Link?').fill('0');
	await page.getByRole('button', { name: 'Einladungslink erstellen' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Bitte geben Sie eine ganze Zahl von 1 bis 90 Tagen ein.');
	await expect(page.locator('code.link-out')).toHaveCount(0);
});
