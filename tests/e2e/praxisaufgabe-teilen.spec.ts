import { createCohort, createUser } from './support/database';
import { expect, expectNoAxeViolations, login, phonePageFor, test } from './support/fixtures';

// A learner shares an excerpt of their Praxisaufgabe with the cohort on a 360 px phone (the
// steps checked with axe, the sharing itself without JavaScript), another learner and the
// trainer read it, the learner withdraws it.

const COURSE = 'probe-ikbo';
const TASK = `/aufgaben/${COURSE}/rolle-und-auftrag/praxisaufgabe-auftragsgespraech`;

test.use({ viewport: { width: 360, height: 780 } });

test('share an excerpt, read it in the cohort, withdraw it', async ({ page, browser }) => {
	const author = createUser('learner', 'Clara Teilend');
	const peer = createUser('learner', 'Deniz Beratend');
	const trainer = createUser('trainer', 'Tina Begleitung');
	createCohort(COURSE, trainer.id, [author.id, peer.id]);

	await login(page, author.email);
	await page.goto(TASK);
	await page.getByLabel('Ihr Text').fill('Gespräch mit Frau Geheimname: Auftrag **geklärt**.');
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await page.getByRole('link', { name: 'Mit meinem Lehrgang teilen' }).click();
	await expect(page.getByText(/Datenschutz: Bitte entfernen Sie Namen/)).toBeVisible();
	await expect(page.getByText('Dateianhänge Ihrer Abgabe werden nicht geteilt.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Weiter zur Vorschau' }).click();
	await expect(page.locator('.preview')).toContainText('Geheimname');
	await expectNoAxeViolations(page);

	const noScript = await phonePageFor(browser, author.email, { javaScriptEnabled: false });
	await noScript.goto(`${TASK}/teilen`);
	await noScript
		.getByLabel('Auszug', { exact: true })
		.fill('Gespräch mit einer Klientin: Auftrag **geklärt**.');
	await noScript.getByLabel('Ihre Frage an die Gruppe (optional)').fill('Wie hättet ihr begonnen?');
	await noScript.getByRole('button', { name: 'Weiter zur Vorschau' }).click();
	await expect(noScript.locator('.preview')).toContainText('einer Klientin');
	await noScript.getByRole('button', { name: 'Jetzt teilen' }).click();
	await expect(noScript.getByRole('heading', { level: 1 })).toHaveText(/^Praxisaufgabe: /);
	await page.goto(TASK);
	await page.getByRole('link', { name: 'Zum Thema im Austausch' }).click();
	const shared = page.getByRole('region', { name: 'Geteilte Praxisaufgabe von Clara Teilend' });
	await expect(shared).toContainText('einer Klientin');
	const threadUrl = page.url();

	const peerPage = await phonePageFor(browser, peer.email);
	await peerPage.goto(threadUrl);
	const seen = peerPage.getByRole('region', { name: 'Geteilte Praxisaufgabe von Clara Teilend' });
	await expect(seen).toContainText('Auszug, geteilt am');
	await expect(seen).toContainText('einer Klientin');
	await expect(seen).not.toContainText('Geheimname');
	await expect(seen.getByRole('link', { name: 'Freigabe zurückziehen' })).toHaveCount(0);
	await expect(peerPage.getByText('Wie hättet ihr begonnen?')).toBeVisible();
	await peerPage.getByLabel('Ihr Beitrag').fill('Ich hätte nach dem Auftrag gefragt.');
	await peerPage.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(peerPage.getByText('Ich hätte nach dem Auftrag gefragt.')).toBeVisible();
	await expectNoAxeViolations(peerPage);
	const trainerPage = await phonePageFor(browser, trainer.email);
	await trainerPage.goto(threadUrl);
	await expect(trainerPage.getByRole('region', { name: /Geteilte Praxisaufgabe/ })).toContainText(
		'einer Klientin'
	);

	await page.goto(TASK);
	await page.getByRole('link', { name: 'Freigabe zurückziehen' }).click();
	await expect(page.getByText('Der geteilte Text wird gelöscht.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Freigabe zurückziehen' }).click();
	await expect(page.getByText('Die Freigabe wurde zurückgezogen.')).toBeVisible();

	await peerPage.reload();
	await expect(peerPage.getByText('Die Freigabe wurde zurückgezogen.')).toBeVisible();
	await expect(peerPage.getByText('einer Klientin')).toHaveCount(0);
	await expect(peerPage.getByText('Ich hätte nach dem Auftrag gefragt.')).toBeVisible();
	await page.goto(TASK);
	await expect(page.getByRole('link', { name: 'Mit meinem Lehrgang teilen' })).toBeVisible();
});
