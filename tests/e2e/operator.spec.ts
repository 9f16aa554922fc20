import { withDatabase } from './support/database';
import { demo, expect, expectNoAxeViolations, login, test } from './support/fixtures';

// Who runs this platform: an admin enters the operator, the Datenschutz and Barrierefreiheit
// pages name it, and a barrier can be reported by form, also without JavaScript.

const barrierMails = () =>
	withDatabase(
		(db) =>
			db
				.prepare(
					"select to_address as toAddress, text_body as text from mail_outbox where kind = 'barrier_report'"
				)
				.all() as { toAddress: string; text: string }[]
	);

test('an admin enters the operator; the privacy and accessibility pages name it', async ({
	page,
	browser
}) => {
	await login(page, demo.admin);
	await page.goto('/admin/einstellungen');
	await page.getByRole('link', { name: 'Betreiber der Plattform' }).click();
	await page.waitForURL(/\/betreiber$/);
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: 'Betreiberangaben speichern' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Bitte füllen Sie dieses Feld aus.');

	await page.getByLabel('Name des Trägers').fill('Lotsenwerk Berlin e. V.');
	await page.getByLabel('Postanschrift').fill('Musterstraße 1\n10115 Berlin');
	await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('kontakt@lotsenwerk.example');
	await page
		.getByLabel('E-Mail-Adresse für Barrieremeldungen (optional)')
		.fill('barrieren@lotsenwerk.example');
	await page
		.getByLabel('Datenschutz-Kontakt, z. B. Datenschutzbeauftragte*r (optional)')
		.fill('Datenschutzbeauftragte*r des Trägers');
	await page.getByRole('button', { name: 'Betreiberangaben speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Die Betreiberangaben sind gespeichert.');
	await expectNoAxeViolations(page);

	const visitor = await browser.newPage({ javaScriptEnabled: false });
	await visitor.goto('/datenschutz');
	await expect(visitor.getByText('Lotsenwerk Berlin e. V.')).toBeVisible();
	await expect(visitor.getByText('Datenschutzbeauftragte*r des Trägers')).toBeVisible();
	// What the exchange and the network keep is named, with the directory as consent.
	await expect(visitor.getByText(/^Austausch und Netzwerk:/)).toContainText('Alumni-Verzeichnis');
	await expect(visitor.getByText(/^Austausch, Alumni-Netzwerk/)).toContainText('Einwilligung');

	// The footer link carries the page the visitor came from into the report form.
	await visitor.goto('/verify');
	await visitor.getByRole('link', { name: 'Barriere melden' }).click();
	await expect(visitor.getByRole('link', { name: 'barrieren@lotsenwerk.example' })).toBeVisible();
	await expect(visitor.getByLabel('Betroffene Seite oder Adresse (optional)')).toHaveValue(
		'/verify'
	);
	await visitor.getByRole('button', { name: 'Meldung senden' }).click();
	await expect(visitor.getByRole('alert').first()).toContainText(
		'Bitte beschreiben Sie die Barriere.'
	);
	await visitor.getByLabel('Was ist das Problem?').fill('Das Eingabefeld hat keinen Rahmen.');
	await visitor.getByRole('button', { name: 'Meldung senden' }).click();
	const sent = visitor.getByRole('status').filter({ hasText: 'Ihre Meldung ist beim Betreiber' });
	await expect(sent).toBeInViewport();
	const mails = barrierMails().filter((mail) => mail.text.includes('keinen Rahmen'));
	expect(mails.map((mail) => mail.toAddress)).toEqual(['barrieren@lotsenwerk.example']);
	await visitor.close();

	// With JavaScript, the form's error state is axe-clean too.
	await page.goto('/barrierefreiheit');
	await page.getByRole('button', { name: 'Meldung senden' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Bitte beschreiben Sie');
	await expectNoAxeViolations(page);
});
