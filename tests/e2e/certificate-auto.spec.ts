import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withDatabase } from './support/database';
import { expect, expectNoAxeViolations, test } from './support/fixtures';
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
	await expect(page.getByText('Gespeichert: Die Lektion ist als erledigt markiert.')).toBeVisible();

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
