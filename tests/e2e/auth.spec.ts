import { createHash } from 'node:crypto';
import {
	createInvite,
	demo,
	expect,
	login,
	loginWithForm,
	logout,
	postForm,
	test,
	uniqueEmail
} from './support/fixtures';
import { countUsers, withDatabase } from './support/database';

const NEW_PASSWORD = 'Sonnenblume Fahrrad Brücke';

test('a learner logs in and out', async ({ page }) => {
	await loginWithForm(page, demo.learner);
	await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
	await logout(page);
	await expect(page.getByRole('status')).toContainText('Sie sind abgemeldet.');
	await page.goto('/');
	await expect(page).toHaveURL(/\/anmelden/);
});

test('a wrong password and an unknown email get the same German message', async ({ page }) => {
	await page.goto('/anmelden', { waitUntil: 'networkidle' });
	await page.getByLabel('E-Mail-Adresse').fill(demo.learner);
	await page.getByLabel('Passwort', { exact: true }).fill('ganz falsches Passwort');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	const message = 'E-Mail-Adresse oder Passwort ist nicht richtig. Bitte prüfen Sie Ihre Eingabe.';
	await expect(page.getByRole('alert')).toContainText(message);

	await page.getByLabel('E-Mail-Adresse').fill('gibt-es-nicht@example.org');
	await page.getByLabel('Passwort', { exact: true }).fill('ganz falsches Passwort');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.getByRole('alert')).toContainText(message);
});

test('empty and overlong login inputs get field messages, never a 500', async ({ page }) => {
	await page.goto('/anmelden', { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.getByRole('alert')).toContainText('Bitte geben Sie Ihre E-Mail-Adresse ein.');
	await expect(page.getByRole('alert')).toContainText('Bitte geben Sie Ihr Passwort ein.');

	const { status, text: body } = await postForm(page, '/anmelden', {
		email: `${'a'.repeat(300)}@example.org`,
		password: 'x'.repeat(200)
	});
	expect(status).toBe(400);
	expect(body).toContain('Die E-Mail-Adresse darf höchstens 254 Zeichen lang sein.');
	expect(body).toContain('Das Passwort darf höchstens 128 Zeichen lang sein.');
});

test('login is throttled after repeated failures with a clear message', async ({ page }) => {
	const email = uniqueEmail('throttle');
	// Wait for hydration: typing into a form that is being hydrated can lose the input.
	await page.goto('/anmelden', { waitUntil: 'networkidle' });
	const answered = () => page.waitForResponse((response) => response.request().method() === 'POST');
	for (let i = 0; i < 5; i++) {
		await page.getByLabel('E-Mail-Adresse').fill(email);
		await page.getByLabel('Passwort', { exact: true }).fill(`falsch-${i}-falsch`);
		// The alert already says „nicht richtig“ after the first try: wait for each answer, so
		// no attempt is still on its way when the next one starts.
		await Promise.all([answered(), page.getByRole('button', { name: 'Anmelden' }).click()]);
		await expect(page.getByRole('alert')).toContainText('nicht richtig');
	}
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill('noch ein Versuch');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten'
	);
});

test('a new learner registers through an invite, which then cannot be reused', async ({
	page,
	browser
}) => {
	await login(page, demo.trainer);
	const link = await createInvite(page);

	const visitor = await browser.newPage();
	await visitor.goto(link, { waitUntil: 'networkidle' });
	await expect(visitor.getByText('Sie wurden als Lernende*r eingeladen.')).toBeVisible();
	const email = uniqueEmail('neu');
	await visitor.getByLabel('Name').fill('Nadia Haddad');
	await visitor.getByLabel('E-Mail-Adresse').fill(email);
	await visitor.getByLabel('Neues Passwort', { exact: true }).fill(NEW_PASSWORD);
	await visitor.getByLabel('Neues Passwort wiederholen').fill(NEW_PASSWORD);
	await visitor.getByRole('button', { name: 'Konto erstellen' }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Willkommen, Nadia Haddad');
	await visitor.close();

	const second = await browser.newPage();
	await second.goto(link, { waitUntil: 'networkidle' });
	await expect(second.getByText('Dieser Einladungslink wurde bereits verwendet.')).toBeVisible();
	await expect(second.getByRole('button', { name: 'Konto erstellen' })).toHaveCount(0);
	await second.close();
});

test('an expired invite explains itself and creates no account', async ({ page }) => {
	await login(page, demo.admin);
	const link = await createInvite(page);
	const token = link.split('/').pop();
	withDatabase((db) => {
		const expired = Date.now() - 60_000;
		db.prepare('update invites set expires_at = ? where token_hash = ?').run(
			expired,
			createHash('sha256').update(token!).digest('hex')
		);
	});
	// The page explains itself and says the same to scripts and link checkers: gone.
	expect((await page.goto(link, { waitUntil: 'networkidle' }))?.status()).toBe(410);
	await expect(page.getByText('Dieser Einladungslink ist abgelaufen.')).toBeVisible();
	const before = countUsers();
	const { status, text } = await postForm(page, `${link}?/register`, {
		name: 'X',
		email: uniqueEmail('x'),
		password: NEW_PASSWORD,
		passwordRepeat: NEW_PASSWORD
	});
	expect(status).toBe(400);
	expect(text).toContain('Dieser Einladungslink ist abgelaufen.');
	expect(countUsers()).toBe(before);
});

test('registration rejects weak, mismatched, empty and overlong input in German', async ({
	page,
	browser
}) => {
	await login(page, demo.trainer);
	const link = await createInvite(page);
	const visitor = await browser.newPage();
	await visitor.goto(link, { waitUntil: 'networkidle' });
	await visitor.getByRole('button', { name: 'Konto erstellen' }).click();
	await expect(visitor.getByRole('alert')).toContainText('Bitte geben Sie Ihren Namen ein.');

	await expect(visitor.getByLabel('Name')).toHaveAttribute('maxlength', '100');
	const overlong = await postForm(visitor, `${link}?/register`, {
		name: 'N'.repeat(101),
		email: 'keine-adresse',
		password: NEW_PASSWORD,
		passwordRepeat: NEW_PASSWORD
	});
	expect(overlong.status).toBe(400);
	expect(overlong.text).toContain('Der Name darf höchstens 100 Zeichen lang sein.');
	expect(overlong.text).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');

	await visitor.getByLabel('Name').fill('Nadia');
	await visitor.getByLabel('E-Mail-Adresse').fill(uniqueEmail('schwach'));
	await visitor.getByLabel('Neues Passwort', { exact: true }).fill('1234567890');
	await visitor.getByLabel('Neues Passwort wiederholen').fill('1234567890');
	await visitor.getByRole('button', { name: 'Konto erstellen' }).click();
	await expect(visitor.getByRole('alert')).toContainText('zu verbreitet');

	await visitor.getByLabel('Neues Passwort', { exact: true }).fill(NEW_PASSWORD);
	await visitor.getByLabel('Neues Passwort wiederholen').fill(NEW_PASSWORD + 'x');
	await visitor.getByRole('button', { name: 'Konto erstellen' }).click();
	await expect(visitor.getByRole('alert')).toContainText('stimmen nicht überein');
	// the name typed before survives every failed attempt
	await expect(visitor.getByLabel('Name')).toHaveValue('Nadia');
	await visitor.close();
});

test('learners get 403 on trainer and admin pages', async ({ page }) => {
	await login(page, demo.learner);
	for (const path of ['/einladungen', '/admin/benutzer']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kein Zugriff');
	}
	const action = await postForm(page, '/einladungen?/create', { validDays: '14' });
	expect(action.status).toBe(403);
	expect(action.text).toContain('Kein Zugriff');
});

test('deactivating a user ends their open sessions at once', async ({ page, browser }) => {
	await login(page, demo.trainer);
	const link = await createInvite(page);
	const learner = await browser.newPage();
	const email = uniqueEmail('deaktiviert');
	await learner.goto(link, { waitUntil: 'networkidle' });
	await learner.getByLabel('Name').fill('Temporäre Person');
	await learner.getByLabel('E-Mail-Adresse').fill(email);
	await learner.getByLabel('Neues Passwort', { exact: true }).fill(NEW_PASSWORD);
	await learner.getByLabel('Neues Passwort wiederholen').fill(NEW_PASSWORD);
	await learner.getByRole('button', { name: 'Konto erstellen' }).click();
	await expect(learner.getByRole('heading', { level: 1 })).toContainText('Willkommen');

	const admin = await browser.newPage();
	await login(admin, demo.admin);
	await admin.goto(`/admin/benutzer?suche=${encodeURIComponent(email)}`);
	await admin.getByRole('link', { name: 'Temporäre Person' }).click();
	await admin.getByRole('button', { name: 'Konto deaktivieren …' }).click();
	await admin.getByRole('button', { name: 'Ja, deaktivieren' }).click();
	await expect(admin.getByRole('status')).toContainText('Das Konto wurde deaktiviert.');

	await learner.reload();
	await expect(learner).toHaveURL(/\/anmelden/);
	await learner.close();
	await admin.close();
});

test('a password change ends other sessions and the new password works', async ({
	page,
	browser
}) => {
	await login(page, demo.trainer);
	const link = await createInvite(page);
	const email = uniqueEmail('passwort');
	const user = await browser.newPage();
	await user.goto(link, { waitUntil: 'networkidle' });
	await user.getByLabel('Name').fill('Passwort Person');
	await user.getByLabel('E-Mail-Adresse').fill(email);
	await user.getByLabel('Neues Passwort', { exact: true }).fill(NEW_PASSWORD);
	await user.getByLabel('Neues Passwort wiederholen').fill(NEW_PASSWORD);
	await user.getByRole('button', { name: 'Konto erstellen' }).click();
	// The account exists once the welcome page shows; signing in elsewhere before is a race.
	await expect(user.getByRole('heading', { level: 1 })).toContainText('Willkommen');

	const otherDevice = await browser.newPage();
	await login(otherDevice, email, NEW_PASSWORD);

	await user.goto('/konto');
	await user.getByLabel('Aktuelles Passwort').fill(NEW_PASSWORD);
	await user.getByLabel('Neues Passwort', { exact: true }).fill('Ein anderes langes Passwort');
	await user.getByLabel('Neues Passwort wiederholen').fill('Ein anderes langes Passwort');
	await user.getByRole('button', { name: 'Passwort ändern' }).click();
	await expect(user.getByRole('status')).toContainText('Ihr Passwort wurde geändert.');
	await user.goto('/');
	await expect(user.getByRole('heading', { level: 1 })).toContainText('Willkommen');

	await otherDevice.goto('/');
	await expect(otherDevice).toHaveURL(/\/anmelden/);
	await loginWithForm(otherDevice, email, 'Ein anderes langes Passwort');
	await user.close();
	await otherDevice.close();
});
