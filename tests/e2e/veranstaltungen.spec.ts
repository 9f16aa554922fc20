import { createCohort, createUser, randomId, withDatabase } from './support/database';
import { expect, expectNoAxeViolations, login, phonePageFor, test } from './support/fixtures';

// A Vertiefungstreffen on a 360 px phone: a trainer invites her cohort's alumni, one takes the
// only seat, the next waits and moves up when the first cancels, attendance is recorded and the
// Teilnahmebestätigung downloads and verifies at /verify.

const COURSE = 'probe-ikbo';

test.use({ viewport: { width: 360, height: 780 } });

/** A valid certificate of the cohort: completing a whole course through the UI is another journey. */
function certify(userId: string, cohortId: string) {
	withDatabase((db) =>
		db
			.prepare(
				`insert into certificates (id, user_id, course_id, cohort_id, year, serial, number, code, snapshot, signature, issued_at)
				 values (?, ?, ?, ?, 2099, ?, ?, ?, '{}', 'x', ?)`
			)
			.run(
				randomId(),
				userId,
				COURSE,
				cohortId,
				Math.floor(Math.random() * 1e9),
				`E2E-${randomId()}`,
				randomId(),
				Date.now()
			)
	);
}

const inDays = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('invite, register, wait, move up, attend and verify the confirmation', async ({
	page,
	browser
}) => {
	test.slow();
	const trainer = createUser('trainer', 'Tamara Treffen');
	const first = createUser('learner', 'Filiz Erste');
	const second = createUser('learner', 'Sven Zweiter');
	const cohortId = createCohort(COURSE, trainer.id, [first.id, second.id]);
	certify(first.id, cohortId);
	certify(second.id, cohortId);

	await login(page, trainer.email);
	await page.goto('/trainer/veranstaltungen/neu');
	await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Bitte geben Sie einen Titel');
	await expectNoAxeViolations(page);
	const title = `Vertiefungstreffen ${randomId().slice(0, 4)}`;
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Beschreibung und Programm').fill('**Tag 1:** Rollenstärkung');
	await page.getByLabel('Ort oder Hinweis zur Online-Teilnahme').fill('Berlin');
	await page.getByLabel('Beginn (Datum)').fill(inDays(30));
	await page.getByLabel('Beginn (Uhrzeit)').fill('09:00');
	await page.getByLabel('Ende (Datum)').fill(inDays(31));
	await page.getByLabel('Ende (Uhrzeit)').fill('16:00');
	await page.getByLabel('Plätze').fill('1');
	await page.getByRole('checkbox', { name: /Lehrgang: Lehrgang / }).check();
	await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	const manageUrl = page.url();
	await page.getByRole('button', { name: 'Veröffentlichen und einladen' }).click();
	await expect(page.getByText('2 Personen werden jetzt eingeladen')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Veröffentlichen und einladen' }).click();
	await expect(page.getByText('Die Veranstaltung ist veröffentlicht')).toBeVisible();
	const eventUrl = manageUrl.replace('/trainer/veranstaltungen/', '/veranstaltungen/');

	const firstPage = await phonePageFor(browser, first.email);
	await firstPage.goto('/veranstaltungen');
	await expectNoAxeViolations(firstPage);
	await firstPage.getByRole('link', { name: title }).click();
	await expect(firstPage.locator('strong', { hasText: 'Tag 1:' })).toBeVisible();
	await firstPage.getByRole('button', { name: 'Verbindlich anmelden' }).click();
	await expect(firstPage.getByText('Sie sind angemeldet.').first()).toBeVisible();
	await expectNoAxeViolations(firstPage);

	const secondPage = await phonePageFor(browser, second.email);
	await secondPage.goto(eventUrl);
	await secondPage.getByRole('button', { name: 'Auf die Warteliste setzen' }).click();
	await expect(secondPage.getByText('Sie stehen auf der Warteliste, auf Platz 1.')).toBeVisible();

	await firstPage.getByRole('button', { name: 'Abmelden' }).click();
	await firstPage.getByRole('button', { name: 'Ja, abmelden' }).click();
	await expect(firstPage.getByText('Sie sind abgemeldet.')).toBeVisible();

	await secondPage.reload();
	await expect(secondPage.getByText('Sie sind angemeldet.')).toBeVisible();
	const ics = await secondPage.request.get(`${eventUrl}/kalender.ics`);
	expect(ics.headers()['content-type']).toContain('text/calendar');
	expect(await ics.text()).toContain(`SUMMARY:${title}`);
	await secondPage.goto('/benachrichtigungen');
	await expect(secondPage.getByText(`Sie sind jetzt für „${title}“`)).toBeVisible();

	// The event has begun: attendance can be recorded.
	withDatabase((db) =>
		db
			.prepare('update events set starts_at = ?, ends_at = ? where title = ?')
			.run(Date.now() - 3_600_000, Date.now() + 3_600_000, title)
	);
	await page.goto(manageUrl);
	await page.getByRole('group', { name: 'Sven Zweiter' }).getByRole('checkbox').first().check();
	await page.getByRole('button', { name: 'Anwesenheit speichern' }).click();
	await expect(page.getByText('Anwesenheit von 1 Person geändert')).toBeVisible();
	await expectNoAxeViolations(page);

	await secondPage.goto(eventUrl);
	const pdf = await secondPage.request.get(`${eventUrl}/bestaetigung.pdf`);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
	await secondPage.getByRole('link', { name: /^Prüfseite zu V-/ }).click();
	await expect(secondPage.getByText('Diese Teilnahmebestätigung ist gültig.')).toBeVisible();
	const details = secondPage.locator('dl');
	await expect(details.getByText('Sven Zweiter', { exact: true })).toBeVisible();
	await expect(details.getByText(title, { exact: true })).toBeVisible();
	await expectNoAxeViolations(secondPage);
});
