import type { Page } from '@playwright/test';
import { createCohort, createUser, withDatabase } from './support/database';
import { demo, expect, expectNoAxeViolations, login, test } from './support/fixtures';

const moduleGroup = (page: Page, number: number) =>
	page.getByRole('group', { name: new RegExp(`^Modul ${number}:`) });

const demoTrainerId = () =>
	withDatabase(
		(db) =>
			(db.prepare('select id from users where email = ?').get(demo.trainer) as { id: string }).id
	);

const cohortsNamed = (name: string) =>
	withDatabase(
		(db) =>
			(db.prepare('select count(*) as n from cohorts where name = ?').get(name) as { n: number }).n
	);

const firstModuleDates = (cohortId: string) =>
	withDatabase((db) =>
		db
			.prepare(
				'select module_id as moduleId, starts_on as startsOn, ends_on as endsOn from cohort_modules where cohort_id = ? order by starts_on limit 1'
			)
			.get(cohortId)
	) as { moduleId: string; startsOn: string; endsOn: string | null };

test('moving a module off a day with recorded attendance is refused with the day named', async ({
	page
}) => {
	const learner = createUser('learner', 'Anna Anwesend');
	const cohortId = createCohort('probe-verwaltung', demoTrainerId(), [learner.id]);
	await login(page, demo.trainer);
	const edit = `/trainer/lehrgaenge/${cohortId}/bearbeiten`;
	await page.goto(edit);
	await moduleGroup(page, 1).getByLabel('Erster Tag').fill('2026-12-01');
	await moduleGroup(page, 1).getByLabel('Letzter Tag (optional)').fill('2026-12-02');
	await moduleGroup(page, 2).getByLabel('Erster Tag').fill('2027-03-01');
	await page.getByRole('button', { name: 'Änderungen speichern' }).click();
	await expect(page.getByText('Die Änderungen wurden gespeichert.')).toBeVisible();

	await page.goto(`/trainer/lehrgaenge/${cohortId}/anwesenheit?modul=1&tag=2026-12-01`);
	await page.getByRole('button', { name: 'Anwesenheit speichern' }).click();
	await expect(page.getByText('Die Anwesenheit wurde gespeichert')).toBeVisible();
	const before = firstModuleDates(cohortId);

	await page.goto(edit);
	await moduleGroup(page, 1).getByLabel('Erster Tag').fill('2026-12-08');
	await moduleGroup(page, 1).getByLabel('Letzter Tag (optional)').fill('2026-12-09');
	await page.getByLabel('Name des Lehrgangs').fill('Umbenannt');
	await page.getByRole('button', { name: 'Änderungen speichern' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Modul 1: Für 01.12.2026 ist schon Anwesenheit erfasst.'
	);
	await expect(moduleGroup(page, 1).getByLabel('Erster Tag')).toHaveValue('2026-12-08');
	await expect(moduleGroup(page, 1).getByLabel('Erster Tag')).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await expectNoAxeViolations(page);
	expect(firstModuleDates(cohortId)).toEqual(before);
	expect(cohortsNamed('Umbenannt')).toBe(0);

	// A module without attendance still moves.
	await page.goto(edit);
	await moduleGroup(page, 2).getByLabel('Erster Tag').fill('2027-03-08');
	await page.getByRole('button', { name: 'Änderungen speichern' }).click();
	await expect(page.getByText('Die Änderungen wurden gespeichert.')).toBeVisible();
	await expect(page.getByText('08.03.2027')).toBeVisible();
});

test('a cohort in the past needs a confirmation and a name may not repeat within the course', async ({
	page
}) => {
	const name = `Vergangen ${Date.now().toString(36)}`;
	await login(page, demo.trainer);
	await page.goto('/trainer/lehrgaenge/neu?kurs=probe-verwaltung');
	await page.getByLabel('Name des Lehrgangs').fill(name);
	await moduleGroup(page, 1).getByLabel('Erster Tag').fill('2020-03-10');
	await moduleGroup(page, 1).getByLabel('Ort').fill('Berlin-Mitte');
	await page.getByRole('button', { name: 'Lehrgang anlegen' }).click();
	await expect(page.getByText('Der letzte Tag dieses Lehrgangs, der 10.03.2020')).toBeVisible();
	await expect(
		page.locator('p', { hasText: 'Liegt der Lehrgang wirklich in der Vergangenheit?' })
	).toBeFocused();
	await expect(page.getByLabel('Name des Lehrgangs')).toHaveValue(name);
	await expect(moduleGroup(page, 1).getByLabel('Ort')).toHaveValue('Berlin-Mitte');
	await expectNoAxeViolations(page);
	expect(cohortsNamed(name)).toBe(0);

	await page.getByRole('button', { name: 'Ja, der Lehrgang liegt in der Vergangenheit' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	expect(cohortsNamed(name)).toBe(1);

	await page.goto('/trainer/lehrgaenge/neu?kurs=probe-verwaltung');
	await page.getByLabel('Name des Lehrgangs').fill(`  ${name.toUpperCase()} `);
	await moduleGroup(page, 1).getByLabel('Erster Tag').fill('2027-05-03');
	await page.getByRole('button', { name: 'Lehrgang anlegen' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Diesen Namen hat schon ein anderer Lehrgang dieses Kurses.'
	);
	await expect(page.getByLabel('Name des Lehrgangs')).toHaveAttribute('aria-invalid', 'true');
	expect(cohortsNamed(name)).toBe(1);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the past-dates confirmation keeps the input and only the confirmed submit saves', async ({
		page
	}) => {
		const name = `Ohne Skript vergangen ${Date.now().toString(36)}`;
		await login(page, demo.trainer);
		await page.goto('/trainer/lehrgaenge/neu?kurs=probe-verwaltung');
		await page.getByLabel('Name des Lehrgangs').fill(name);
		await moduleGroup(page, 1).getByLabel('Erster Tag').fill('2021-06-07');
		await page.getByRole('button', { name: 'Lehrgang anlegen' }).click();
		await expect(page.getByText('Der letzte Tag dieses Lehrgangs, der 07.06.2021')).toBeVisible();
		await expect(moduleGroup(page, 1).getByLabel('Erster Tag')).toHaveValue('2021-06-07');
		// Submitting again without confirming asks again.
		await page.getByRole('button', { name: 'Lehrgang anlegen' }).click();
		await expect(page.getByText('Der letzte Tag dieses Lehrgangs, der 07.06.2021')).toBeVisible();
		expect(cohortsNamed(name)).toBe(0);
		await page.getByRole('button', { name: 'Ja, der Lehrgang liegt in der Vergangenheit' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	});

	test('cohorts of two courses with one name differ in every cohort choice', async ({ page }) => {
		const name = `Zwilling ${Date.now().toString(36)}`;
		const trainerId = demoTrainerId();
		const ids = [
			createCohort('probe-verwaltung', trainerId, []),
			createCohort('probe-ikbo', trainerId, [])
		];
		withDatabase((db) => {
			for (const id of ids) db.prepare('update cohorts set name = ? where id = ?').run(name, id);
		});
		await login(page, demo.trainer);
		for (const path of ['/einladungen', '/trainer/abgaben', '/trainer/zertifikate']) {
			await page.goto(path);
			const labels = await page
				.getByRole('option', { name: new RegExp(`^${name} – `) })
				.allTextContents();
			expect(labels, path).toHaveLength(2);
			expect(new Set(labels).size, path).toBe(2);
		}
		await page.goto('/trainer/veranstaltungen/neu');
		const boxes = page.getByRole('checkbox', { name: new RegExp(`^Lehrgang: ${name} – `) });
		await expect(boxes).toHaveCount(2);
	});
});
