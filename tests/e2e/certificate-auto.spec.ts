import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCohort, createUser, withDatabase } from './support/database';
import { expect, expectNoAxeViolations, login, test } from './support/fixtures';
import { COURSE, loginAsFreshLearner } from './support/quiz';

const COURSE_DIR = 'tests/fixtures/catalogue/courses/83-probe-digital';
const LAST_LESSON = `${COURSE}/sicherheit-und-datenschutz/geraete-und-netze-schuetzen`;

/** Item IDs of the fixture course, from its folders (the course sets no `id:` overrides). */
function courseItems(): string[] {
	const strip = (name: string) => name.replace(/^\d+-/, '').replace(/\.md$/, '');
	return readdirSync(COURSE_DIR, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((module) =>
			readdirSync(join(COURSE_DIR, module.name))
				.filter((file) => file.endsWith('.md') && file !== 'module.md')
				.map((file) => `${COURSE}/${strip(module.name)}/${strip(file)}`)
		);
}

test('completing the last lesson issues the certificate, which the dashboard then shows', async ({
	page
}) => {
	const learner = await loginAsFreshLearner(page);
	// Everything else of the course is done already.
	withDatabase((db) => {
		const insert = db.prepare(
			`insert into completion_events (user_id, course_id, item_id, kind, source, at)
			 values (?, ?, ?, 'completed', ?, ?)`
		);
		for (const itemId of courseItems().filter((id) => id !== LAST_LESSON)) {
			const source = itemId.endsWith('wissenscheck') ? 'quiz_passed' : 'lesson_marked';
			insert.run(learner, COURSE, itemId, source, Date.now());
		}
	});
	const certificates = page.getByRole('region', { name: 'Zertifikate' });
	await page.goto('/');
	await expect(certificates.getByRole('link')).toHaveCount(0);

	await page.goto(`/kurse/${LAST_LESSON}`, { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Als erledigt markieren' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Sie haben diese Lektion als erledigt markiert.'
	);

	await page.goto('/');
	const link = certificates.getByRole('link', { name: /Probekurs Digital/ });
	await expect(link).toHaveCount(1);
	await expectNoAxeViolations(page);
	const pdf = await page.request.get((await link.getAttribute('href'))!);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	const issued = withDatabase(
		(db) =>
			(
				db
					.prepare("select count(*) as n from certificates where user_id = ? and status = 'valid'")
					.get(learner) as { n: number }
			).n
	);
	expect(issued).toBe(1);
});

test('done online before the cohort’s last day: the learner and the trainer see when the certificate comes', async ({
	page,
	browser
}) => {
	const learner = await loginAsFreshLearner(page, false);
	const trainer = createUser('trainer', 'Tamara Termin');
	const cohortId = createCohort(COURSE, trainer.id, [learner]);
	const lastDay = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
	const items = courseItems();
	withDatabase((db) => {
		db.prepare(
			'insert into cohort_modules (cohort_id, module_id, starts_on, ends_on) values (?, ?, ?, ?)'
		).run(cohortId, items[0]!.split('/').slice(0, 2).join('/'), lastDay, lastDay);
		const insert = db.prepare(
			`insert into completion_events (user_id, course_id, item_id, kind, source, at)
			 values (?, ?, ?, 'completed', ?, ?)`
		);
		for (const itemId of items) {
			const source = itemId.endsWith('wissenscheck') ? 'quiz_passed' : 'lesson_marked';
			insert.run(learner, COURSE, itemId, source, Date.now());
		}
	});

	await page.goto('/zertifikate');
	await expect(page.getByText(/^Probekurs Digital/).locator('..')).toContainText(
		'Ihr Zertifikat wird nach dem letzten Präsenztag Ihres Lehrgangs am'
	);
	await expect(page.getByText('Sie haben noch kein Zertifikat.')).toHaveCount(0);
	await expectNoAxeViolations(page);

	const trainerPage = await browser.newPage();
	await login(trainerPage, trainer.email);
	await trainerPage.goto(`/trainer/zertifikate?lehrgang=${cohortId}`);
	const row = trainerPage.getByRole('row', { name: /Quiz Lernende/ });
	await expect(row).toContainText('nach dem letzten Präsenztag');
	await expect(row.getByRole('button')).toHaveCount(0);
	await expectNoAxeViolations(trainerPage);
	await trainerPage.close();
});
