import { createCohort, createUser, randomId, withDatabase } from './support/database';
import type { Page } from '@playwright/test';
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
	// A group of checkboxes is described by its hint and its error, read on entering it.
	await expect(page.getByRole('group', { name: 'Eingeladen' })).toHaveAccessibleDescription(
		/Absolvent\*innen mit gültigem Zertifikat.*Bitte wählen Sie mindestens einen Kurs/
	);
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
	// The status line is the announced answer, not a second copy of it.
	await expect(firstPage.getByRole('status')).toHaveText('Sie sind angemeldet.');
	await expect(firstPage.getByText('Sie sind angemeldet.')).toHaveCount(1);
	await expectNoAxeViolations(firstPage);

	const secondPage = await phonePageFor(browser, second.email);
	await secondPage.goto(eventUrl);
	await secondPage.getByRole('button', { name: 'Auf die Warteliste setzen' }).click();
	await expect(secondPage.getByRole('status')).toHaveText(
		'Sie stehen auf der Warteliste, auf Platz 1.'
	);
	await expect(secondPage.getByText(/Sie stehen auf der Warteliste/)).toHaveCount(1);

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

/** Fills the new-event form for the trainer's cohort; `start` and `end` are [day, time]. */
async function fillEvent(
	page: Page,
	title: string,
	start: [string, string],
	end: [string, string],
	deadline?: string
) {
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Beschreibung und Programm').fill('Austausch');
	await page.getByLabel('Ort oder Hinweis zur Online-Teilnahme').fill('Berlin');
	await page.getByLabel('Beginn (Datum)').fill(start[0]);
	await page.getByLabel('Beginn (Uhrzeit)').fill(start[1]);
	await page.getByLabel('Ende (Datum)').fill(end[0]);
	await page.getByLabel('Ende (Uhrzeit)').fill(end[1]);
	if (deadline) await page.getByLabel('Anmeldeschluss (Datum').fill(deadline);
	await page.getByLabel('Plätze').fill('10');
	await page.getByRole('checkbox', { name: /Lehrgang: Lehrgang / }).check();
}

const setDates = (title: string, startsAt: number, endsAt: number) =>
	withDatabase((db) =>
		db
			.prepare('update events set starts_at = ?, ends_at = ? where title = ?')
			.run(startsAt, endsAt, title)
	);

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an event in the past is refused at its start; the list keeps upcoming and past apart', async ({
		page
	}) => {
		const trainer = createUser('trainer', 'Petra Plan');
		createCohort(COURSE, trainer.id, []);
		await login(page, trainer.email);
		await page.goto('/trainer/veranstaltungen/neu');
		const title = `Rückblick ${randomId().slice(0, 4)}`;
		await fillEvent(page, title, ['2020-01-10', '10:00'], ['2020-01-10', '16:00']);
		await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
		const start = page.getByLabel('Beginn (Datum)');
		await expect(start).toHaveAttribute('aria-invalid', 'true');
		await expect(start).toHaveAccessibleDescription(/Der Beginn liegt in der Vergangenheit/);
		await expect(page.getByLabel('Titel')).toHaveValue(title);

		// A deadline already over is refused too.
		await start.fill(inDays(20));
		await page.getByLabel('Ende (Datum)').fill(inDays(20));
		await page.getByLabel('Anmeldeschluss (Datum').fill(inDays(-2));
		await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
		await expect(page.getByLabel('Anmeldeschluss (Datum')).toHaveAccessibleDescription(
			/Der Anmeldeschluss liegt in der Vergangenheit/
		);
		await page.getByLabel('Anmeldeschluss (Datum').fill('');
		await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

		// Nothing of the refused attempts was saved; once the event is over it moves to „Vergangen“.
		await page.goto('/trainer/veranstaltungen');
		await expect(page.getByRole('link', { name: 'Anstehend (1)' })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(page.getByRole('link', { name: title })).toHaveCount(1);
		setDates(title, Date.now() - 3 * 86_400_000, Date.now() - 2 * 86_400_000);
		await page.reload();
		await expect(page.getByText('Keine Ihrer Veranstaltungen steht an.')).toBeVisible();
		await page.getByRole('link', { name: 'Vergangen (1)' }).click();
		await expect(page.getByRole('table', { name: 'Vergangene Veranstaltungen' })).toContainText(
			title
		);
	});
});

test('a draft whose start has passed meanwhile is not published, and says why', async ({
	page
}) => {
	const trainer = createUser('trainer', 'Vera Verpasst');
	const learner = createUser('learner', 'Lia Wartet');
	const cohortId = createCohort(COURSE, trainer.id, [learner.id]);
	certify(learner.id, cohortId);
	await login(page, trainer.email);
	await page.goto('/trainer/veranstaltungen/neu');
	const title = `Verpasst ${randomId().slice(0, 4)}`;
	await fillEvent(page, title, [inDays(-1), '09:00'], [inDays(-1), '17:00']);
	await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
	await expect(page.getByRole('alert').first()).toContainText(
		'Der Beginn liegt in der Vergangenheit.'
	);
	await expectNoAxeViolations(page);
	await page.getByLabel('Beginn (Datum)').fill(inDays(10));
	await page.getByLabel('Ende (Datum)').fill(inDays(10));
	await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await page.getByRole('button', { name: 'Veröffentlichen und einladen' }).click();
	await expect(page.getByText('1 Person wird jetzt eingeladen')).toBeVisible();

	// The trainer leaves the question open; meanwhile the start passes.
	setDates(title, Date.now() - 3_600_000, Date.now() + 3_600_000);
	await page.getByRole('button', { name: 'Veröffentlichen und einladen' }).click();
	await expect(page.getByRole('alert').first()).toContainText(
		'Die Veranstaltung hat bereits begonnen und kann nicht mehr veröffentlicht werden.'
	);
	await page.reload();
	await expect(page.getByText('Entwurf', { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Veröffentlichen und einladen' })).toHaveCount(0);
	await expect(page.getByText(/kann nicht mehr veröffentlicht werden/)).toBeVisible();
	await expectNoAxeViolations(page);
	const notices = withDatabase(
		(db) =>
			db
				.prepare(
					"select count(*) as n from notifications where user_id = ? and kind = 'event_update'"
				)
				.get(learner.id) as { n: number }
	);
	expect(notices.n).toBe(0);

	await page.goto('/trainer/veranstaltungen');
	await expect(page.getByRole('link', { name: 'Anstehend (1)' })).toBeVisible();
	await expectNoAxeViolations(page);
});
