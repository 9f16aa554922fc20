import type { Page } from '@playwright/test';
import { createCohort, createUser, withDatabase } from './support/database';
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

async function register(page: Page, link: string, name: string, email: string) {
	// Wait for hydration: typing into a form that is being hydrated can lose the input.
	await page.goto(link, { waitUntil: 'networkidle' });
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Neues Passwort', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Neues Passwort wiederholen').fill(PASSWORD);
	await page.getByRole('button', { name: 'Konto erstellen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Willkommen');
}

const count = (sql: string, ...params: unknown[]) =>
	withDatabase((db) => (db.prepare(sql).get(...params) as { n: number }).n);

const moduleGroup = (page: Page, number: number) =>
	page.getByRole('group', { name: new RegExp(`^Modul ${number}:`) });

test('a trainer creates a cohort, imports learners from CSV, unlocks a module and records attendance', async ({
	page,
	browser
}) => {
	// A long journey (a registration, two sign-ins, eight pages, axe on each): three times the
	// hang guard of a normal test.
	test.slow();
	await login(page, demo.trainer);
	const existing = uniqueEmail('bestand');
	const learnerName = `Berta Bestand ${Date.now().toString(36)}`;
	const link = await createInvite(page);
	const person = await browser.newPage();
	await register(person, link, learnerName, existing);
	await person.close();

	await page.goto('/trainer/lehrgaenge');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lehrgänge');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Neuer Lehrgang' }).click();
	await page.getByLabel('Kurs').selectOption('probe-verwaltung');
	await page.getByRole('button', { name: 'Weiter' }).click();

	const name = `Lehrgang ${Date.now().toString(36)}`;
	await page.getByLabel('Name des Lehrgangs').fill(name);
	// Module 1 has taken place (attendance can be recorded), module 2 is still to come.
	await moduleGroup(page, 1).getByLabel('Erster Tag').fill('2026-03-02');
	await moduleGroup(page, 1).getByLabel('Letzter Tag (optional)').fill('2026-03-01');
	await page.getByRole('button', { name: 'Lehrgang anlegen' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Modul 1: Das Enddatum darf nicht vor dem Beginn liegen.'
	);
	await expect(page.getByLabel('Name des Lehrgangs')).toHaveValue(name);
	await expectNoAxeViolations(page);

	await moduleGroup(page, 1).getByLabel('Letzter Tag (optional)').fill('2026-03-03');
	await moduleGroup(page, 1).getByLabel('Ort').fill('Berlin-Mitte');
	await moduleGroup(page, 2).getByLabel('Erster Tag').fill('2027-03-23');
	await page.getByRole('button', { name: 'Lehrgang anlegen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await expect(page.getByRole('status')).toContainText('Der Lehrgang wurde angelegt');
	await expect(
		page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Modul 1:/ }) })
	).toContainText('Berlin-Mitte');
	const cohortId = /lehrgaenge\/([a-z2-7]{16})/.exec(page.url())![1]!;
	await expectNoAxeViolations(page);

	// Import: 2 good rows (one existing account, one new address) and 3 bad ones.
	const fresh = uniqueEmail('neu');
	await page.getByRole('link', { name: 'Lernende aus CSV-Datei hinzufügen' }).click();
	await page.getByLabel('CSV-Datei').setInputFiles({
		name: 'teilnehmende.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			`\uFEFFname;email\n${learnerName};${existing}\nNeue Person;${fresh}\n;ohne.name@example.org\nKaputt;keine-adresse\nDoppelt;${fresh}\n`
		)
	});
	await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Übernommen werden können: 2. Zeilen mit Fehlern: 3.'
	);
	const rows = page.getByRole('table').getByRole('row');
	await expect(rows.filter({ hasText: 'ohne.name@example.org' })).toContainText('Der Name fehlt.');
	await expect(rows.filter({ hasText: 'keine-adresse' })).toContainText(
		'Die E-Mail-Adresse ist ungültig.'
	);
	await expect(rows.filter({ hasText: 'Doppelt' })).toContainText(
		'Diese E-Mail-Adresse steht schon in Zeile 3.'
	);
	await expectNoAxeViolations(page);
	expect(count('select count(*) as n from invites where cohort_id = ?', cohortId)).toBe(0);
	expect(count('select count(*) as n from enrolments where cohort_id = ?', cohortId)).toBe(0);

	await page.getByRole('button', { name: 'Gültige Zeilen übernehmen (2)' }).click();
	// Everyone gets an invite: the import tells nothing about who already has an account.
	await expect(page.getByRole('status')).toContainText('Einladungen erstellt: 2. Übersprungen: 3.');
	await expect(page.getByRole('row', { name: new RegExp(fresh) })).toContainText('/registrieren/');
	await expectNoAxeViolations(page);
	expect(
		count('select count(*) as n from invites where cohort_id = ? and email = ?', cohortId, fresh)
	).toBe(1);
	expect(count('select count(*) as n from enrolments where cohort_id = ?', cohortId)).toBe(0);
	const acceptLink = await page
		.getByRole('row', { name: new RegExp(existing) })
		.locator('code')
		.textContent();

	// The new person's registration offers the name from the file.
	const registerLink = await page
		.getByRole('row', { name: new RegExp(fresh) })
		.locator('code')
		.textContent();
	const newcomerContext = await browser.newContext();
	const newcomer = await newcomerContext.newPage();
	await newcomer.goto(registerLink!);
	await expect(newcomer.getByLabel('Name', { exact: true })).toHaveValue('Neue Person');
	await newcomerContext.close();

	// The learner with an account signs in and accepts the invite.
	const learnerContext = await browser.newContext();
	const learner = await learnerContext.newPage();
	await login(learner, existing, PASSWORD);
	await learner.goto(acceptLink!);
	await expect(
		learner.getByRole('heading', { level: 1, name: 'Einladung annehmen' })
	).toBeVisible();
	await expectNoAxeViolations(learner);
	await learner.getByRole('button', { name: 'Einladung annehmen' }).click();
	await expect(learner).toHaveURL(/\/kurse\/probe-verwaltung$/);
	// The link is used up: opening it again says so instead of offering the cohort a second time.
	await learner.goto(acceptLink!);
	await expect(learner.getByText('Dieser Einladungslink wurde bereits verwendet.')).toBeVisible();
	await learnerContext.close();

	await page.getByRole('link', { name: 'Zurück zum Lehrgang' }).first().click();
	await expect(page.getByRole('region', { name: 'Lernende (1)' })).toContainText(learnerName);
	// The newcomer has not registered yet: the cohort page names the open invitation.
	const invited = page.getByRole('region', { name: 'Offene Einladungen (1)' });
	await expect(invited).toContainText(`Neue Person (${fresh})`);
	await expectNoAxeViolations(page);
	await invited
		.getByRole('button', { name: `Einladung für Neue Person (${fresh}) zurückziehen` })
		.click();
	await expect(invited).toContainText('wirklich zurückziehen?');
	const revoked = () =>
		count(
			'select count(*) as n from invites where cohort_id = ? and revoked_at is not null',
			cohortId
		);
	expect(revoked()).toBe(0);
	await invited.getByRole('button', { name: 'Ja, zurückziehen' }).click();
	await expect(page.getByRole('status')).toContainText('Die Einladung wurde zurückgezogen.');
	await expect(page.getByRole('region', { name: 'Offene Einladungen (0)' })).toContainText(
		'Keine offenen Einladungen.'
	);
	expect(revoked()).toBe(1);

	// Early unlock of module 2 for the imported learner.
	await page.getByRole('link', { name: 'Module vorzeitig freischalten' }).click();
	await page.getByLabel('Modul', { exact: true }).selectOption({ index: 1 });
	await page.getByLabel('Für').selectOption({ label: learnerName });
	await page.getByRole('button', { name: 'Modul freischalten' }).click();
	await expect(page.getByRole('status')).toContainText('Das Modul wurde freigeschaltet.');
	await expect(page.getByRole('row', { name: new RegExp(learnerName) })).toContainText('Modul 2');
	await expectNoAxeViolations(page);
	const unlocksOfLearners = () =>
		count(
			'select count(*) as n from module_unlocks where cohort_id = ? and user_id is not null',
			cohortId
		);
	expect(unlocksOfLearners()).toBe(1);
	// Taking an unlock back asks first; cancelling keeps it, confirming removes it.
	const takeBack = page.getByRole('button', {
		name: new RegExp(`^Freischaltung von Modul 2.* für ${learnerName} zurücknehmen$`)
	});
	await takeBack.click();
	// The question replaces the tapped button and takes the focus, so it is read out.
	await expect(page.locator(':focus')).toContainText('bisherige Ergebnisse bleiben gespeichert');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Abbrechen' }).click();
	expect(unlocksOfLearners()).toBe(1);
	await takeBack.click();
	await page.getByRole('button', { name: 'Ja, zurücknehmen' }).click();
	await expect(page.getByRole('status')).toContainText('Die Freischaltung wurde zurückgenommen.');
	expect(unlocksOfLearners()).toBe(0);
	await page.getByLabel('Modul', { exact: true }).selectOption({ index: 1 });
	await page.getByLabel('Für').selectOption({ label: learnerName });
	await page.getByRole('button', { name: 'Modul freischalten' }).click();
	await expect(page.getByRole('status')).toContainText('Das Modul wurde freigeschaltet.');
	expect(unlocksOfLearners()).toBe(1);

	// Attendance on the first day of module 1 (a two-day block, so three days in all).
	await page.getByRole('link', { name: 'Zurück zum Lehrgang' }).click();
	await page.getByRole('link', { name: 'Anwesenheit erfassen' }).click();
	const days = page.getByRole('region', { name: 'Präsenztage' }).getByRole('listitem');
	await expect(days).toHaveCount(3);
	// A day still to come offers no form, neither from the list nor by URL or a crafted post.
	await expect(days.nth(2)).toContainText('noch nicht erfassbar');
	await expect(days.nth(2).getByRole('link')).toHaveCount(0);
	await expectNoAxeViolations(page);
	const attendanceUrl = page.url();
	await page.goto(`${attendanceUrl}?modul=2&tag=2027-03-23`);
	await expect(page.getByRole('alert')).toHaveText(
		'Dieser Tag liegt noch in der Zukunft. Die Anwesenheit lässt sich ab dem Tag selbst erfassen.'
	);
	await expect(page.getByRole('button', { name: 'Anwesenheit speichern' })).toHaveCount(0);
	const early = await postForm(page, attendanceUrl, { modul: '2', tag: '2027-03-23' });
	expect(early.status).toBe(409);
	await page.goto(attendanceUrl);
	await days.first().getByRole('link').click();
	await page.getByLabel(learnerName).check();
	await page.getByRole('button', { name: 'Anwesenheit speichern' }).click();
	await expect(page.getByRole('status')).toContainText('(1 anwesend)');
	await page.reload();
	await expect(page.getByLabel(learnerName)).toBeChecked();
	await expectNoAxeViolations(page);
	expect(
		count(
			"select count(*) as n from attendance where cohort_id = ? and day = '2026-03-02' and present = 1",
			cohortId
		)
	).toBe(1);
	// Removing a learner asks first.
	await page.getByRole('link', { name: 'Zurück zum Lehrgang' }).first().click();
	await page.getByRole('button', { name: `Entfernen: ${learnerName}` }).click();
	await expect(page.getByText(`${learnerName} wirklich aus dem Lehrgang entfernen?`)).toBeVisible();
	expect(count('select count(*) as n from enrolments where cohort_id = ?', cohortId)).toBe(1);
	await page.getByRole('button', { name: 'Ja, entfernen' }).click();
	await expect(page.getByRole('status')).toContainText('aus dem Lehrgang entfernt');
	await expect(page.getByRole('region', { name: 'Lernende (0)' })).toBeVisible();
	expect(count('select count(*) as n from enrolments where cohort_id = ?', cohortId)).toBe(0);
});

test('an admin moves a learner to another cohort after a confirmation, and the move is audited', async ({
	page,
	browser
}) => {
	test.slow();
	const stamp = Date.now().toString(36);
	const from = `Von ${stamp}`;
	const to = `Nach ${stamp}`;
	await login(page, demo.trainer);
	const cohortIds: string[] = [];
	for (const name of [from, to]) {
		await page.goto('/trainer/lehrgaenge/neu?kurs=probe-verwaltung', {
			waitUntil: 'networkidle'
		});
		await page.getByLabel('Name des Lehrgangs').fill(name);
		await moduleGroup(page, 1).getByLabel('Erster Tag').fill('2027-06-07');
		await page.getByRole('button', { name: 'Lehrgang anlegen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		cohortIds.push(/lehrgaenge\/([a-z2-7]{16})/.exec(page.url())![1]!);
	}
	const email = uniqueEmail('wechsel');
	const link = await createInvite(page);
	const person = await (await browser.newContext()).newPage();
	await register(person, link, `Wera Wechsel ${stamp}`, email);
	await person.context().close();
	const userId = withDatabase(
		(db) => (db.prepare('select id from users where email = ?').get(email) as { id: string }).id
	);
	const cohortOf = () =>
		withDatabase(
			(db) =>
				(
					db
						.prepare(
							"select cohort_id as id from enrolments where user_id = ? and course_id = 'probe-verwaltung'"
						)
						.get(userId) as { id: string } | undefined
				)?.id
		);

	const admin = await (await browser.newContext()).newPage();
	await login(admin, demo.admin);
	await admin.goto(`/admin/benutzer/${userId}`, { waitUntil: 'networkidle' });
	await expect(admin.getByText('In keinem Kurs eingeschrieben.')).toBeVisible();
	const choose = async (name: string) => {
		await admin.getByLabel('In Lehrgang aufnehmen oder verschieben').selectOption({ label: name });
		await admin.getByRole('button', { name: 'Weiter', exact: true }).click();
	};
	await choose(from);
	await expect(admin.getByText(`in den Lehrgang „${from}“ aufnehmen?`)).toBeVisible();
	expect(cohortOf()).toBeUndefined();
	await admin.getByRole('button', { name: 'Ja, so speichern' }).click();
	await expect(admin.getByRole('status')).toContainText(`ist jetzt im Lehrgang „${from}“`);
	expect(cohortOf()).toBe(cohortIds[0]);

	await choose(to);
	await expect(
		admin.getByText(`aus dem Lehrgang „${from}“ in den Lehrgang „${to}“ verschieben?`)
	).toBeVisible();
	await expectNoAxeViolations(admin);
	expect(cohortOf()).toBe(cohortIds[0]);
	await admin.getByRole('button', { name: 'Ja, so speichern' }).click();
	await expect(admin.getByRole('status')).toContainText(`ist jetzt im Lehrgang „${to}“`);
	await expect(admin.getByRole('row', { name: /Probekurs Verwaltung/ })).toContainText(to);
	await expectNoAxeViolations(admin);
	expect(cohortOf()).toBe(cohortIds[1]);
	expect(
		count(
			"select count(*) as n from audit_log where action = 'cohort.learner_moved' and subject_user_id = ?",
			userId
		)
	).toBe(1);
	await admin.context().close();
});

test('learners get 403 and trainers 404 for cohorts they do not manage', async ({
	page,
	browser
}) => {
	const learnerOfCohort = createUser('learner', 'Lea Lehrgang');
	const trainerOfCohort = createUser('trainer', 'Theo Lehrgang');
	const cohortId = createCohort('probe-ikbo', trainerOfCohort.id, [learnerOfCohort.id]);

	const learnerContext = await browser.newContext();
	const learner = await learnerContext.newPage();
	await login(learner, learnerOfCohort.email);
	expect((await learner.goto('/trainer/lehrgaenge'))?.status()).toBe(403);
	expect((await learner.goto(`/trainer/lehrgaenge/${cohortId}`))?.status()).toBe(403);
	await learnerContext.close();

	const adminContext = await browser.newContext();
	const admin = await adminContext.newPage();
	await login(admin, demo.admin);
	const link = await createInvite(admin, { role: 'trainer' });
	await adminContext.close();
	await register(page, link, 'Andere Trainerin', uniqueEmail('trainerin'));
	await page.goto('/trainer/lehrgaenge');
	await expect(page.getByText('Sie betreuen noch keinen Lehrgang.')).toBeVisible();
	await expectNoAxeViolations(page);
	for (const path of ['', '/bearbeiten', '/import', '/freischalten', '/anwesenheit']) {
		const response = await page.goto(`/trainer/lehrgaenge/${cohortId}${path}`);
		expect(response?.status(), path).toBe(404);
	}
	const unlock = await postForm(page, `/trainer/lehrgaenge/${cohortId}/freischalten?/unlock`, {
		moduleId: 'probe-ikbo/diskriminierung-und-machtkritik',
		target: 'alle'
	});
	expect(unlock.status).toBe(404);
	expect(count('select count(*) as n from module_unlocks where cohort_id = ?', cohortId)).toBe(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a trainer creates a cohort and imports a learner list', async ({ page }) => {
		await login(page, demo.trainer);
		await page.goto('/trainer/lehrgaenge/neu?kurs=probe-verwaltung');
		await page.getByRole('button', { name: 'Lehrgang anlegen' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Bitte geben Sie einen Namen für den Lehrgang ein.'
		);
		const name = `Ohne Skript ${Date.now().toString(36)}`;
		await page.getByLabel('Name des Lehrgangs').fill(name);
		await moduleGroup(page, 1).getByLabel('Erster Tag').fill('2027-05-03');
		await page.getByRole('button', { name: 'Lehrgang anlegen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

		await page.getByRole('link', { name: 'Lernende aus CSV-Datei hinzufügen' }).click();
		const email = uniqueEmail('ohneskript');
		await page.getByLabel('CSV-Datei').setInputFiles({
			name: 'liste.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(`email,name\n${email},"Skript, Ohne"\nkaputt,\n`)
		});
		await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
		await expect(page.getByRole('status')).toContainText('Übernommen werden können: 1.');
		await page.getByRole('button', { name: 'Gültige Zeilen übernehmen (1)' }).click();
		await expect(page.getByRole('row', { name: /Skript, Ohne/ })).toContainText('/registrieren/');

		// Until the person registers, the cohort page names the invitation, not "no learners".
		await page.getByRole('link', { name: 'Zurück zum Lehrgang' }).first().click();
		await expect(page.getByRole('region', { name: 'Lernende (0)' })).toContainText(
			'Noch hat niemand eine Einladung angenommen. Offene Einladungen: 1 (siehe unten).'
		);
		const invited = page.getByRole('region', { name: 'Offene Einladungen (1)' });
		await expect(invited).toContainText(`Skript, Ohne (${email})`);
		await invited.getByRole('button', { name: /^Einladung für Skript, Ohne/ }).click();
		await expect(page.locator(':focus')).toContainText('wirklich zurückziehen?');
		await page.getByRole('button', { name: 'Ja, zurückziehen' }).click();
		await expect(page.getByRole('status')).toContainText('Die Einladung wurde zurückgezogen.');
		await expect(page.getByRole('region', { name: 'Lernende (0)' })).toContainText(
			'In diesem Lehrgang sind noch keine Lernenden.'
		);
	});

	test('a confirmation in a table row takes the focus and is in view on a phone', async ({
		page
	}) => {
		const trainer = createUser('trainer', 'Tilda Tabelle');
		const learner = createUser('learner', 'Lorenz Langername-Zeilenumbruch');
		const cohortId = createCohort('probe-verwaltung', trainer.id, [learner.id]);
		await page.setViewportSize({ width: 360, height: 740 });
		await login(page, trainer.email);
		// Without JavaScript the page after the first tap is new: without autofocus it would start
		// at the top, the question far below or inside the table's sideways-scrolling region.
		const focusedQuestion = async (text: string) => {
			const focused = page.locator(':focus');
			await expect(focused).toContainText(text);
			await expect(focused).toBeInViewport({ ratio: 1 });
		};

		await page.goto(`/trainer/lehrgaenge/${cohortId}`);
		await page.getByRole('button', { name: `Entfernen: ${learner.name}` }).click();
		await focusedQuestion(`${learner.name} wirklich aus dem Lehrgang entfernen?`);

		await page.goto(`/trainer/lehrgaenge/${cohortId}/freischalten`);
		await page.getByLabel('Modul', { exact: true }).selectOption({ index: 1 });
		await page.getByLabel('Für').selectOption({ label: learner.name });
		await page.getByRole('button', { name: 'Modul freischalten' }).click();
		await page
			.getByRole('button', { name: new RegExp(`für ${learner.name} zurücknehmen$`) })
			.click();
		await focusedQuestion(`für ${learner.name} zurücknehmen?`);
		await page.getByRole('button', { name: 'Ja, zurücknehmen' }).click();
		await expect(page.getByRole('status')).toContainText('Die Freischaltung wurde zurückgenommen.');
	});
});
