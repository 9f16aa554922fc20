import { createCohort, createUser, withDatabase } from './support/database';
import { expect, expectNoAxeViolations, login, test } from './support/fixtures';

test('finished cohorts wait behind their own tab; the overview names the current ones', async ({
	page
}) => {
	const trainer = createUser('trainer', 'Frieda Fertig');
	const running = createCohort('probe-verwaltung', trainer.id, []);
	const finished = createCohort('probe-verwaltung', trainer.id, []);
	// The follow-up meeting was the finished cohort's last date; the running one has none yet.
	withDatabase((db) =>
		db.prepare('update cohorts set follow_up_date = ? where id = ?').run('2025-11-20', finished)
	);
	const nameOf = (id: string) => `Lehrgang ${id.slice(0, 5)}`;
	await login(page, trainer.email);

	await page.goto('/');
	const mine = page.getByRole('region', { name: 'Meine Lehrgänge' });
	await expect(mine).toContainText(nameOf(running));
	await expect(mine).not.toContainText(nameOf(finished));
	await mine.getByRole('link', { name: 'Abgeschlossene Lehrgänge (1)' }).click();

	await expect(page).toHaveURL(/\/trainer\/lehrgaenge\?zeitraum=abgeschlossen$/);
	const tabs = page.getByRole('navigation', { name: 'Lehrgänge nach Zeitraum' });
	await expect(tabs.getByRole('link', { name: 'Abgeschlossen (1)' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(page.getByRole('heading', { name: nameOf(finished) })).toBeVisible();
	await expect(page.getByRole('heading', { name: nameOf(running) })).toHaveCount(0);
	await expect(page.getByText('wenn sein letzter Termin vorbei ist')).toBeVisible();
	await expectNoAxeViolations(page);

	await tabs.getByRole('link', { name: 'Aktuell (1)' }).click();
	await expect(page.getByRole('heading', { name: nameOf(running) })).toBeVisible();
	await expect(page.getByRole('heading', { name: nameOf(finished) })).toHaveCount(0);

	// Finished is not closed: the cohort page still opens, with its matrix and attendance.
	await page.goto(`/trainer/lehrgaenge/${finished}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(nameOf(finished));
});
