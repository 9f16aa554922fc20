import type { Browser, Page } from '@playwright/test';
import { moduleSlugs } from './support/course-folders';
import { createUser, randomId, withDatabase } from './support/database';
import { demo, expect, expectNoAxeViolations, login, postForm, test } from './support/fixtures';

// Curriculum v2 features on the shipped DIKÖ course: trainer material, downloads, review dates,
// UE split and certificate criteria, rubric levels.

const COURSE = 'interkulturelle-oeffnung';
const MODULE = `${COURSE}/rolle-und-auftrag`;
const GUIDE = `/trainer/material/${MODULE}/trainerleitfaden`;
const GUIDANCE = `/trainer/material/${MODULE}/bewertung-auftragsgespraech`;
const TRAINER_PDF = `/medien/${MODULE}/trainer/ablaufplan-modul-1.pdf`;
const TEMPLATE = `/medien/${MODULE}/vorlagen/rollenbeschreibung.docx`;

function demoTrainerCohort(learnerId: string) {
	const cohortId = randomId();
	withDatabase((db) => {
		const trainer = (
			db.prepare('select id from users where email = ?').get(demo.trainer) as { id: string }
		).id;
		db.prepare('insert into cohorts (id, course_id, name, created_by) values (?, ?, ?, ?)').run(
			cohortId,
			COURSE,
			`DIKÖ ${cohortId.slice(0, 5)}`,
			trainer
		);
		db.prepare('insert into cohort_trainers (cohort_id, user_id) values (?, ?)').run(
			cohortId,
			trainer
		);
		db.prepare(
			'insert into enrolments (id, user_id, course_id, cohort_id) values (?, ?, ?, ?)'
		).run(randomId(), learnerId, COURSE, cohortId);
	});
	return cohortId;
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext({
		extraHTTPHeaders: {
			'x-forwarded-for': `10.98.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
		}
	});
	const page = await context.newPage();
	await login(page, email);
	return page;
}

test('trainers of the course find the trainer material on the module page and open it', async ({
	page
}) => {
	// Three axe runs, one at phone width, on two shared cores.
	test.slow();
	await login(page, demo.trainer);
	await page.goto(`/kurse/${MODULE}`);
	const section = page.getByRole('region', { name: 'Für Trainer*innen', exact: true });
	await expect(section).toBeVisible();
	await expect(
		section.getByRole('link', { name: 'Ablaufplan der zwei Präsenztage (PDF, 23 KB)' })
	).toBeVisible();
	await expect(section.getByText('nur für Trainer*innen', { exact: true })).toBeVisible();
	await expect(section).toContainText(
		'zur Praxisaufgabe „Praxisaufgabe 1: Auftragsgespräch mit Ihrer Leitung“'
	);
	await expectNoAxeViolations(page);

	await section.getByRole('link', { name: 'Trainerleitfaden Modul 1: Rolle und Auftrag' }).click();
	await expect(page).toHaveURL(GUIDE);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Trainerleitfaden Modul 1: Rolle und Auftrag'
	);
	await expect(
		page.locator('p.review').getByText('Stand: Dezember 2026', { exact: true })
	).toBeVisible();
	await expect(page.getByText('Verantwortlich: Kursteam DIKÖ')).toBeVisible();
	await expect(
		page.getByRole('heading', { name: 'Skript: Kollegiale Beratung (45 Minuten)' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page);

	const pdf = await page.request.get(TRAINER_PDF);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
});

test('learners never reach trainer material: not on the page, not in page data, not by URL', async ({
	page
}) => {
	await login(page, demo.learner);
	await page.goto(`/kurse/${MODULE}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modul 1: Rolle und Auftrag');
	// The four items of the module; trainer material is none of them.
	await expect(page.getByText(/^\d von 4 erledigt$/)).toBeVisible();
	const downloads = page.getByRole('region', { name: 'Zum Herunterladen' });
	await expect(downloads.getByRole('link')).toHaveText([
		'Leitfragen für das Auftragsgespräch (PDF, 21 KB)',
		'Vorlage Rollenbeschreibung (Word) (DOCX, 3 KB)',
		'Vorlage Rollenbeschreibung (LibreOffice) (ODT, 2 KB)'
	]);
	await expect(page.getByRole('region', { name: 'Für Trainer*innen', exact: true })).toHaveCount(0);
	const html = await page.content();
	for (const secret of [
		'Trainerleitfaden',
		'trainer/material',
		'ablaufplan',
		'Bewertungshinweise'
	]) {
		expect(html).not.toContain(secret);
	}
	const data = await (await page.request.get(`/kurse/${MODULE}/__data.json`)).text();
	expect(data).not.toMatch(/Trainerleitfaden|ablaufplan|trainer\/material/);
	await expectNoAxeViolations(page);

	expect((await page.request.get(GUIDE, { maxRedirects: 0 })).status()).toBe(403);
	expect((await page.request.get(`/kurse/${MODULE}/trainerleitfaden`)).status()).toBe(404);
	const file = await page.request.get(TRAINER_PDF);
	expect(file.status()).toBe(404);
	expect((await file.body()).subarray(0, 5).toString()).not.toBe('%PDF-');

	const template = await page.request.get(TEMPLATE);
	expect(template.status()).toBe(200);
	expect(template.headers()['content-type']).toBe(
		'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
	);
});

test('a trainer of no cohort of the course gets neither the material nor its files', async ({
	browser
}) => {
	const stranger = createUser('trainer', 'Frieda Fremd');
	const page = await signedIn(browser, stranger.email);
	await page.goto(`/kurse/${MODULE}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modul 1: Rolle und Auftrag');
	await expect(page.getByRole('region', { name: 'Für Trainer*innen', exact: true })).toHaveCount(0);
	expect((await page.request.get(GUIDE)).status()).toBe(404);
	expect((await page.request.get(GUIDANCE)).status()).toBe(404);
	expect((await page.request.get(TRAINER_PDF)).status()).toBe(404);
	await page.close();
});

test('lessons show their Stand; the course page shows the UE split and certificate criteria', async ({
	page
}) => {
	await login(page, demo.learner);
	await page.goto(`/kurse/${MODULE}/idee-und-rolle`);
	await expect(
		page.locator('p.review').getByText('Stand: Dezember 2026', { exact: true })
	).toBeVisible();
	await expect(
		page.getByText('(Interkulturelle Botschafter*innen für Organisationen)')
	).toHaveCount(0);
	// Learners do not see who is responsible or when the next review is due.
	await expect(page.getByText(/Verantwortlich|Nächste Prüfung/)).toHaveCount(0);

	await page.goto(`/kurse/${COURSE}`);
	await expect(page.getByText('10 UE online, 60 UE in Präsenz, 10 UE Praxis')).toBeVisible();
	await expect(page.getByText('Anwesenheit an mindestens 80 % der Präsenztage')).toBeVisible();
	await expect(page.getByText('Sonst erhalten Sie eine Teilnahmebestätigung.')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the rubric levels are shown to learners and rated by level, with assessment guidance', async ({
	browser
}) => {
	// Two sign-ins (argon2) and three axe runs on two shared cores.
	test.slow();
	const learner = createUser('learner', 'Rana Rubrik');
	demoTrainerCohort(learner.id);
	const page = await signedIn(browser, learner.email);
	await page.goto(`/aufgaben/${MODULE}/praxisaufgabe-auftragsgespraech`);
	const rubric = page.getByRole('region', { name: 'Bewertungskriterien' });
	await expect(rubric.getByText('Zeit, Befugnisse und Ressourcen sind geklärt')).toBeVisible();
	await expect(
		rubric.getByText(
			'Ein Ziel ist genannt, aber nicht überprüfbar, oder die ersten Aufgaben sind unklar.'
		)
	).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Vorlage Rollenbeschreibung (Word) (DOCX, 3 KB)' })
	).toBeVisible();
	await expect(page.getByText('Bewertungshinweise')).toHaveCount(0);
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page);

	await page.getByLabel('Ihr Text').fill('Meine Rollenbeschreibung: Ziel, Zeit, Grenzen.');
	await page.getByRole('button', { name: 'Einreichen …' }).click();
	await page.getByRole('button', { name: 'Ja, jetzt einreichen' }).click();
	await expect(page.getByText('Eingereicht – wartet auf Rückmeldung').first()).toBeVisible();

	const trainer = await signedIn(browser, demo.trainer);
	const submissionId = withDatabase(
		(db) =>
			(db.prepare('select id from submissions where user_id = ?').get(learner.id) as { id: string })
				.id
	);
	await trainer.goto(`/trainer/abgaben/${submissionId}`);
	const guidance = trainer.getByRole('region', { name: 'Bewertungshinweise für Trainer*innen' });
	await expect(guidance.getByText('Annehmen oder zur Überarbeitung geben')).toBeVisible();
	const criterion = trainer.getByRole('group', {
		name: 'Grenzen der Rolle und mögliche Rollenkonflikte sind benannt'
	});
	// Three levels, and „ohne Bewertung“ first: the rubric marks no criterion as required.
	await expect(criterion.getByRole('radio')).toHaveCount(4);
	await expect(criterion.getByRole('radio', { name: 'ohne Bewertung' })).toBeChecked();
	const partly = criterion.getByRole('radio', { name: 'teilweise erfüllt' });
	await expect(partly).toHaveAccessibleDescription(
		'Grenzen sind genannt, mögliche Rollenkonflikte fehlen (oder umgekehrt).'
	);
	await expectNoAxeViolations(trainer);
	for (const group of await trainer.locator('form[action="?/review"] fieldset').all()) {
		const level = group.getByRole('radio', { name: 'erfüllt', exact: true });
		if (await level.count()) await level.check();
	}
	await partly.check();
	await trainer.getByLabel('Gesamtrückmeldung').fill('Gut, Konflikte noch ergänzen.');
	await trainer.getByLabel('Annehmen').check();
	await trainer.getByRole('button', { name: 'Rückmeldung senden' }).click();
	await trainer.getByRole('button', { name: 'Ja, endgültig annehmen' }).click();
	await expect(trainer.getByText('Ihre Rückmeldung wurde gespeichert.')).toBeVisible();

	await page.reload();
	await expect(
		page.getByText('Grenzen der Rolle und mögliche Rollenkonflikte sind benannt: teilweise erfüllt')
	).toBeVisible();
	const stored = withDatabase(
		(db) =>
			db.prepare('select ratings from reviews where submission_id = ?').get(submissionId) as {
				ratings: string;
			}
	);
	expect(JSON.parse(stored.ratings)).toContainEqual({
		criterionId: 'grenzen',
		rating: 'teilweise',
		levelLabel: 'teilweise erfüllt',
		comment: ''
	});
	await page.close();
	await trainer.close();
});

test('a learner who attended 8 of 10 days gets the Zertifikat with split and criteria', async ({
	page
}) => {
	const learner = createUser('learner', 'Zoe Zertifikat');
	const cohortId = demoTrainerCohort(learner.id);
	withDatabase((db) => {
		const recorder = (
			db.prepare('select id from users where email = ?').get(demo.trainer) as { id: string }
		).id;
		const modules = moduleSlugs('content/courses/01-interkulturelle-oeffnung');
		const insert = db.prepare(
			`insert into attendance (cohort_id, module_id, user_id, day, present, recorded_by, recorded_at)
			 values (?, ?, ?, ?, ?, ?, ?)`
		);
		modules.forEach((module, index) => {
			for (const day of [10, 11]) {
				const present = !(index === 4 && day === 11) && !(index === 2 && day === 10);
				insert.run(
					cohortId,
					`${COURSE}/${module}`,
					learner.id,
					`2026-0${index + 1}-${day}`,
					present ? 1 : 0,
					recorder,
					Date.now()
				);
			}
		});
		const assignments = db.prepare(
			`insert into completion_events (user_id, course_id, item_id, kind, source, at)
			 values (?, ?, ?, 'completed', 'assignment_accepted', ?)`
		);
		for (const [module, item] of [
			['rolle-und-auftrag', 'praxisaufgabe-auftragsgespraech'],
			['diskriminierung-und-machtkritik', 'praxisaufgabe-beobachtung'],
			['migrationssensible-beratung', 'praxisaufgabe-beratungsstandard'],
			['organisationsentwicklung-und-strategie', 'praxisaufgabe-massnahmenplan'],
			['vernetzung-und-verstetigung', 'abschlussreflexion']
		]) {
			assignments.run(learner.id, COURSE, `${COURSE}/${module}/${item}`, Date.now());
		}
	});

	await login(page, demo.trainer);
	await page.goto(`/trainer/zertifikate?lehrgang=${cohortId}`);
	const issued = await postForm(page, '/trainer/zertifikate?/issue', {
		userId: learner.id,
		courseId: COURSE,
		bestaetigt: 'ja'
	});
	expect(issued.status).toBe(200);
	const code = withDatabase(
		(db) =>
			(
				db.prepare('select code from certificates where user_id = ?').get(learner.id) as {
					code: string;
				}
			).code
	);
	await page.goto(`/verify/${code}`);
	await expect(page.getByText('Dieses Zertifikat ist gültig.')).toBeVisible();
	await expect(page.getByText('Zertifikat', { exact: true })).toBeVisible();
	await expect(page.getByText('10 UE online, 60 UE in Präsenz, 10 UE Praxis')).toBeVisible();
	await expect(page.getByText('Anwesenheit an mindestens 80 % der Präsenztage')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the career course shows its UE split, and a lesson offers the Leichte-Sprache handouts', async ({
	page
}) => {
	const course = 'perspektiven-und-beruf';
	const learner = createUser('learner', 'Perspektiven Lernende');
	withDatabase((db) =>
		db
			.prepare('insert into enrolments (id, user_id, course_id) values (?, ?, ?)')
			.run(randomId(), learner.id, course)
	);
	await login(page, learner.email);
	await page.goto(`/kurse/${course}`);
	await expect(page.getByText('11 UE online, 22 UE in Präsenz, 11 UE Praxis')).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Modul 4: Mentoring, Alumni und Hospitation' })
	).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto(`/kurse/${course}/rolle-und-profil/rolle-grenzen-handouts`);
	await expect(
		page.locator('p.review').getByText('Stand: Dezember 2026', { exact: true })
	).toBeVisible();
	const handout = page.getByRole('link', { name: /Kinder dolmetschen nicht \(PDF/ });
	await expect(handout).toBeVisible();
	const response = await page.request.get((await handout.getAttribute('href'))!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/pdf');
	await expectNoAxeViolations(page);
});
