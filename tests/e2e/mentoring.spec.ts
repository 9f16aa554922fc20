import { createCohort, createUser, grantCertificate } from './support/database';
import { demo, expect, expectNoAxeViolations, login, phonePageFor, test } from './support/fixtures';

// Mentoring on a 360 px phone: an alumna offers, a learner asks, the cohort's trainer confirms,
// and both see the pair's messages and meeting log.

const COURSE = 'probe-ikbo';

test.use({ viewport: { width: 360, height: 780 } });

test('request → trainer confirms → message and meeting visible to both', async ({
	page,
	browser
}) => {
	const mentor = createUser('learner', 'Mira Mentorin');
	const mentee = createUser('learner', 'Luca Lernend');
	const trainer = createUser('trainer', 'Tom Vermittlung');
	createCohort(COURSE, trainer.id, [mentee.id]);
	grantCertificate(mentor.id, COURSE);

	const mentorPage = await phonePageFor(browser, mentor.email);
	await mentorPage.goto('/mentoring');
	await mentorPage.getByLabel('Themen').fill('Jobcenter, Wohnungssuche');
	await mentorPage.getByLabel('Sprachen').fill('Deutsch, Arabisch');
	await mentorPage.getByLabel('Wie viele Mentees gleichzeitig?').fill('0');
	await mentorPage.getByRole('button', { name: 'Angebot veröffentlichen' }).click();
	await expect(mentorPage.getByRole('alert').first()).toContainText('ganze Zahl von 1 bis 5');
	await expectNoAxeViolations(mentorPage);
	await mentorPage.getByLabel('Wie viele Mentees gleichzeitig?').fill('2');
	await mentorPage.getByRole('button', { name: 'Angebot veröffentlichen' }).click();
	await expect(mentorPage.getByRole('status')).toContainText('Ihr Angebot ist gespeichert.');

	await login(page, mentee.email);
	await page.goto('/mentoring?sprache=Arabisch');
	await expect(page.getByRole('heading', { name: 'Mira Mentorin' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Wen möchten Sie anfragen?').selectOption({ label: 'Mira Mentorin' });
	await page.getByLabel('Ihre Nachricht').fill('Ich suche Begleitung für Termine beim Jobcenter.');
	await page.getByRole('button', { name: 'Anfrage senden' }).click();
	await expect(page.getByRole('status')).toContainText('Ihre Anfrage ist gesendet.');
	await expect(page.locator('#anfragen')).toContainText('Angefragt');

	// The trainer who decides is told, and the notice leads to the request.
	const trainerPage = await phonePageFor(browser, trainer.email);
	await trainerPage.goto('/benachrichtigungen');
	await trainerPage.getByRole('link', { name: /Luca Lernend hat ein Mentoring angefragt/ }).click();
	await expect(trainerPage).toHaveURL(/\/mentoring\/vermittlung#anfrage-/);
	const request = trainerPage.getByRole('listitem').filter({ hasText: 'Luca Lernend' });
	await expect(request).toContainText('Begleitung für Termine beim Jobcenter');
	await expectNoAxeViolations(trainerPage);
	await request.getByRole('button', { name: 'Paar bestätigen' }).click();
	await expect(trainerPage.getByRole('status')).toContainText('Das Paar ist bestätigt.');

	await page.goto('/mentoring');
	await page.getByRole('link', { name: 'Zum gemeinsamen Bereich' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentoring mit Mira Mentorin');
	await page.getByLabel('Ihre Nachricht').fill('Hallo Mira, wann passt es **dir**?');
	await page.getByRole('button', { name: 'Nachricht senden' }).click();
	await expect(page.getByRole('article', { name: 'Nachricht von Luca Lernend' })).toContainText(
		'wann passt es dir?'
	);
	await expect(page.getByRole('article', { name: 'Nachricht von Luca Lernend' })).toBeFocused();
	await expect(page.getByLabel('Ihre Nachricht')).toHaveValue('');
	await expectNoAxeViolations(page);

	await mentorPage.goto('/benachrichtigungen');
	await mentorPage
		.getByRole('link', { name: /Luca Lernend hat Ihnen im Mentoring geschrieben/ })
		.click();
	await expect(mentorPage.locator('strong', { hasText: 'dir' })).toBeVisible();
	// The mentor reads what the learner wrote when asking, as the request form promised.
	const asked = mentorPage.getByRole('region', { name: 'Die Anfrage' });
	await expect(asked).toContainText('Anfrage von Luca Lernend');
	await expect(asked).toContainText('Ich suche Begleitung für Termine beim Jobcenter.');
	await expectNoAxeViolations(mentorPage);
	await mentorPage.getByLabel('Thema', { exact: true }).fill('Vorbereitung Jobcenter');
	await mentorPage.getByLabel('Kurze Notiz (freiwillig)').fill('Unterlagen zusammengestellt.');
	await mentorPage.getByRole('button', { name: 'Treffen speichern' }).click();
	await expect(mentorPage.getByRole('status')).toContainText('Das Treffen ist eingetragen.');

	await page.reload();
	await expect(page.locator('#treffen')).toContainText('Vorbereitung Jobcenter');
	await expect(page.locator('#treffen')).toContainText('Unterlagen zusammengestellt.');
	// The trainer who paired them does not read along.
	const pairPath = new URL(page.url()).pathname;
	const staffView = await trainerPage.goto(pairPath);
	expect(staffView?.status()).toBe(404);
});

test('an admin offers a Hospitation, a learner applies, the trainer accepts, the task links it', async ({
	page,
	browser
}) => {
	const learner = createUser('learner', 'Hana Hospitierend');
	const trainer = createUser('trainer', 'Tina Auswahl');
	createCohort(COURSE, trainer.id, [learner.id]);
	const title = `Bürgeramt ${Date.now()}`;

	const adminPage = await phonePageFor(browser, demo.admin);
	await adminPage.goto('/admin/hospitation');
	await adminPage.getByLabel('Name').fill('Bezirksamt Pankow');
	await adminPage.getByLabel('Bezirk').fill('Pankow');
	await adminPage.getByLabel('Adresse').fill('Breite Straße 24a, 13187 Berlin');
	await adminPage.getByLabel('Kontakt').fill('buergeramt@example.org');
	await adminPage.getByRole('button', { name: 'Organisation anlegen' }).click();
	await expect(adminPage.getByRole('status')).toContainText('Die Organisation ist angelegt.');
	await adminPage
		.getByLabel('Organisation', { exact: true })
		.selectOption({ label: 'Bezirksamt Pankow (Pankow)' });
	await adminPage.getByLabel('Titel').fill(title);
	await adminPage.getByLabel('Beschreibung').fill('Eine Woche am Schalter des Bürgeramts.');
	await adminPage.getByLabel('Von').fill('2026-07-06');
	await adminPage.getByLabel('Bis').fill('2026-07-01');
	await adminPage.getByRole('button', { name: 'Angebot anlegen' }).click();
	await expect(adminPage.getByRole('alert').first()).toContainText('Das Ende darf nicht vor');
	await expectNoAxeViolations(adminPage);
	await adminPage.getByLabel('Bis').fill('2026-07-10');
	await adminPage.getByRole('button', { name: 'Angebot anlegen' }).click();
	await expect(adminPage.getByRole('status')).toContainText('Das Angebot ist angelegt.');

	await login(page, learner.email);
	await page.goto('/hospitation');
	await expect(page.getByRole('heading', { name: title })).toBeVisible();
	await page
		.getByLabel('Angebot', { exact: true })
		.selectOption({ label: `${title} – Bezirksamt Pankow` });
	await page
		.getByLabel('Ihre Motivation')
		.fill('Ich möchte sehen, wie Anträge im Amt bearbeitet werden.');
	await page.getByRole('button', { name: 'Bewerbung senden' }).click();
	await expect(page.getByRole('status')).toContainText('Ihre Bewerbung ist gesendet.');
	await expectNoAxeViolations(page);

	const trainerPage = await phonePageFor(browser, trainer.email);
	await trainerPage.goto('/hospitation/bewerbungen');
	const application = trainerPage.getByRole('listitem').filter({ hasText: 'Hana Hospitierend' });
	await application.getByRole('button', { name: 'Annehmen' }).click();
	await expect(trainerPage.getByRole('status')).toContainText('Die Bewerbung ist angenommen.');

	await page.goto('/hospitation');
	await expect(
		page.getByRole('region', { name: 'Meine Bewerbungen' }).getByRole('listitem')
	).toContainText(`${title} (Bezirksamt Pankow): Angenommen`);
	await page.goto(`/aufgaben/${COURSE}/rolle-und-auftrag/praxisaufgabe-auftragsgespraech`);
	const link = page.getByLabel('Bezug zu einer Hospitation (freiwillig)');
	await link.selectOption({ label: `${title} – Bezirksamt Pankow` });
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await page.reload();
	await expect(link.locator('option:checked')).toHaveText(`${title} – Bezirksamt Pankow`);
});
