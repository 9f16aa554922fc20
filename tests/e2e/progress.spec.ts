import { parse } from 'csv-parse/sync';
import { withDatabase } from './support/database';
import { demo, expect, expectNoAxeViolations, login, test } from './support/fixtures';
import {
	CELL_TEXT,
	complete,
	enrolIn,
	id,
	itemId,
	M1,
	OPEN,
	registerLearner,
	seedCohort,
	SEQ,
	sourceFor
} from './support/progress-data';

test('the dashboard shows the next item and moves on as lessons and quizzes are done', async ({
	page,
	browser
}) => {
	const learner = await registerLearner(browser, page);
	await expect(page.getByText('Sie sind noch in keinem Kurs angemeldet.')).toBeVisible();
	await expectNoAxeViolations(page);
	enrolIn(learner, OPEN);
	await page.reload();
	const card = page.locator('li.continue').filter({ hasText: 'Probekurs Digital' });
	const next = card.getByRole('link', { name: /^Weiter mit:/ });
	await expect(next).toHaveText('Weiter mit: Einführung: Digitale Kompetenzen nach DigComp 2.2');
	await expect(next).toHaveAttribute('href', `/kurse/${M1}/einfuehrung-digcomp`);
	await expectNoAxeViolations(page);

	withDatabase((db) => complete(db, learner, OPEN, `${M1}/einfuehrung-digcomp`, Date.now()));
	await page.reload();
	await expect(next).toHaveText(
		'Weiter mit: Recherchieren, Quellen bewerten, Falschinformationen erkennen'
	);
	await expect(page.getByText('4 % erledigt (1 von 23)')).toBeVisible();

	withDatabase((db) => {
		complete(db, learner, OPEN, `${M1}/recherchieren-und-quellen-bewerten`, Date.now());
		complete(db, learner, OPEN, `${M1}/mehrsprachige-informationen-und-dateien`, Date.now());
	});
	await page.reload();
	await expect(next).toHaveText('Weiter mit: Quiz Modul 1: Informationen und Daten');
	await expect(next).toHaveAttribute('href', `/quiz/${M1}/wissenscheck`);

	withDatabase((db) =>
		complete(db, learner, OPEN, `${M1}/wissenscheck`, Date.now(), 'quiz_passed')
	);
	await page.reload();
	await expect(next).toHaveText('Weiter mit: E-Mails professionell und sicher schreiben');
	await expect(page.getByRole('list', { name: /^Module von Probekurs Digital/ })).toContainText(
		'4 von 4 erledigt'
	);

	// undo moves "continue" back
	withDatabase((db) =>
		complete(
			db,
			learner,
			OPEN,
			`${M1}/einfuehrung-digcomp`,
			Date.now(),
			'lesson_marked',
			'uncompleted'
		)
	);
	await page.reload();
	await expect(next).toHaveText('Weiter mit: Einführung: Digitale Kompetenzen nach DigComp 2.2');
});

test('the dashboard waits for a submitted assignment and moves on once it is accepted', async ({
	page,
	browser
}) => {
	const learner = await registerLearner(browser, page);
	enrolIn(learner, SEQ);
	const submission = id();
	withDatabase((db) => {
		for (let item = 0; item < 3; item += 1) {
			complete(db, learner, SEQ, itemId(0, item), Date.now(), sourceFor(item));
		}
		db.prepare(
			'insert into submissions (id, user_id, course_id, item_id, status, draft_text, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)'
		).run(submission, learner, SEQ, itemId(0, 3), 'submitted', '', Date.now(), Date.now());
	});
	await page.reload();
	const card = page.locator('li.continue').filter({ hasText: 'Probekurs IKBO' });
	await expect(card).toContainText('Ihre Praxisaufgabe wartet auf Rückmeldung');
	await expect(
		page.getByRole('table', { name: 'Offene Praxisaufgaben' }).getByRole('row')
	).toHaveCount(8); // a header and the course's seven Praxisaufgaben (two voluntary)
	await expect(page.getByText('Eingereicht – wartet auf Rückmeldung')).toBeVisible();
	await expectNoAxeViolations(page);

	withDatabase((db) => {
		db.prepare("update submissions set status = 'accepted' where id = ?").run(submission);
		complete(db, learner, SEQ, itemId(0, 3), Date.now(), 'assignment_accepted');
	});
	await page.reload();
	await expect(card.getByRole('link', { name: /^Weiter mit:/ })).toHaveAttribute(
		'href',
		`/kurse/${itemId(1, 0)}`
	);
	await expect(
		page.getByRole('table', { name: 'Offene Praxisaufgaben' }).getByRole('row')
	).toHaveCount(7);

	// the two voluntary ones are marked as such on the course page
	await page.goto(`/kurse/${SEQ}`);
	await expect(page.getByText('Praxisaufgabe (freiwillig)', { exact: true })).toHaveCount(2);
});

test('a trainer sees a seeded cohort of 12 learners correctly in the matrix and its CSV', async ({
	page
}) => {
	const label = `Matrix ${id().slice(0, 5)}`;
	const { cohort, learners } = seedCohort(demo.trainer, label);
	await login(page, demo.trainer);
	await page.goto(`/trainer/lehrgaenge/${cohort}/matrix`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Fortschritt: ${label}`);
	const rows = page.locator('table.matrix tbody tr');
	await expect(rows).toHaveCount(12);
	for (const learner of learners) {
		const row = rows.filter({ has: page.getByRole('rowheader', { name: learner.name }) });
		for (const [index, cell] of learner.expected.entries()) {
			await expect(row.locator(`td[data-module="${index + 1}"]`)).toContainText(CELL_TEXT[cell]);
		}
	}
	await expectNoAxeViolations(page);

	// sorting works through plain links
	await page.getByRole('link', { name: /^Gesamt/ }).click();
	await expect(page).toHaveURL(/sortierung=fortschritt&richtung=auf/);
	await expect(rows.first().getByRole('rowheader')).toHaveText(`${label} Lernende 01`);
	await page.getByRole('link', { name: /^Gesamt/ }).click();
	await expect(page).toHaveURL(/richtung=ab/);
	await expect(rows.first().getByRole('rowheader')).toHaveText(`${label} Lernende 08`);
	await expect(page.getByRole('columnheader', { name: /^Gesamt/ })).toHaveAttribute(
		'aria-sort',
		'descending'
	);

	// CSV export, parsed back
	const response = await page.request.get(`/trainer/lehrgaenge/${cohort}/matrix.csv`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/csv');
	const bytes = await response.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const csv = parse(bytes.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
	expect(csv[0]).toEqual([
		'Name',
		'E-Mail',
		expect.stringContaining('Rolle und Auftrag'),
		expect.any(String),
		expect.any(String),
		expect.any(String),
		expect.any(String),
		'Fortschritt',
		'Abgeschlossen am',
		// The IKBO course requires attendance, so the export carries it.
		'Anwesenheit'
	]);
	expect(csv).toHaveLength(13);
	for (const learner of learners) {
		const line = csv.find((row) => row[0] === learner.name)!;
		expect(line.slice(2, 7)).toEqual(learner.expected.map((cell) => CELL_TEXT[cell]));
	}
	const finished = csv.find((row) => row[0] === `${label} Lernende 08`)!;
	expect(finished.slice(7, 9)).toEqual(['100 %', '10.03.2026']);

	// learner detail and its CSV
	await page.getByRole('link', { name: `${label} Lernende 04` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Lernstand: ${label} Lernende 04`
	);
	await expect(page.getByText('Eingereicht – wartet auf Rückmeldung').first()).toBeVisible();
	await expectNoAxeViolations(page);
	const detail = await page.request.get(`${page.url()}.csv`);
	const detailRows = parse((await detail.body()).toString('utf8'), {
		delimiter: ';',
		bom: true
	}) as string[][];
	expect(detailRows).toHaveLength(23); // a header and 22 items, trainer material excluded
	expect(detailRows[1]!.slice(3, 5)).toEqual(['erledigt', '10.03.2026']);
	expect(detailRows[4]![7]).toBe('Eingereicht – wartet auf Rückmeldung');

	// summary
	await page.goto(`/trainer/lehrgaenge/${cohort}/uebersicht`);
	await expect(page.getByText('Kurs abgeschlossen: 1 von 12')).toBeVisible();
	await expect(
		page
			.getByRole('region', { name: 'Praxisaufgaben, die auf Prüfung warten' })
			.getByRole('listitem')
	).toHaveCount(2);
	await expect(page.getByRole('img', { name: 'Fortschritt im Zeitverlauf' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('reports of a cohort the trainer does not run are not found', async ({ page }) => {
	const { cohort, learners } = seedCohort(null, `Fremd ${id().slice(0, 5)}`);
	await login(page, demo.trainer);
	// the trainer's overview lists only their own cohorts
	await expect(page.getByRole('heading', { name: 'Meine Lehrgänge' })).toBeVisible();
	await expect(page.getByText(learners[0]!.name.split(' Lernende')[0]!)).toHaveCount(0);
	await expectNoAxeViolations(page);
	const base = `/trainer/lehrgaenge/${cohort}`;
	for (const path of [
		`${base}/matrix`,
		`${base}/uebersicht`,
		`${base}/lernende/${learners[0]!.id}`,
		`${base}/matrix.csv`,
		`${base}/lernende/${learners[0]!.id}.csv`
	]) {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(404);
	}
	const page404 = await page.goto(`${base}/matrix`);
	expect(page404?.status()).toBe(404);
});

test('a trainer cannot open a learner of another cohort through their own cohort', async ({
	page
}) => {
	const own = seedCohort(demo.trainer, `Eigen ${id().slice(0, 5)}`);
	const other = seedCohort(null, `Anders ${id().slice(0, 5)}`);
	await login(page, demo.trainer);
	const response = await page.request.get(
		`/trainer/lehrgaenge/${own.cohort}/lernende/${other.learners[0]!.id}`
	);
	expect(response.status()).toBe(404);
});

test('a learner cannot open trainer reports: 403, like every cohort page', async ({ page }) => {
	const { cohort } = seedCohort(demo.trainer, `Lernsicht ${id().slice(0, 5)}`);
	await login(page, demo.learner);
	// One guard for all of /trainer/lehrgaenge/[id]: the role decides first (403), only trainers
	// get a 404 for cohorts they do not run, so IDs cannot be probed.
	for (const report of ['', '/matrix', '/matrix.csv', '/uebersicht']) {
		const response = await page.request.get(`/trainer/lehrgaenge/${cohort}${report}`);
		expect(response.status(), report || 'cohort page').toBe(403);
	}
});
