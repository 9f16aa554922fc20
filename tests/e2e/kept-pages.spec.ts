import { createUser, withDatabase } from './support/database';
import { expect, login, logout, phonePageFor, test } from './support/fixtures';
import { enrolIn, M1, OPEN } from './support/progress-data';

// Overview, course page and lessons are kept per session once asked for twice
// (src/lib/server/course-pages/kept-pages.ts). What a person does, what others change and a
// logout must show at once; another person never gets a page kept for someone else.

const LESSON = `/kurse/${M1}/einfuehrung-digcomp`;

test('kept pages show every change at once and belong to their session only', async ({
	page,
	browser
}) => {
	const anna = createUser('learner', 'Anna Behalten');
	const bert = createUser('learner', 'Bert Behalten');
	enrolIn(anna.id, OPEN);
	enrolIn(bert.id, OPEN);
	await login(page, anna.email);
	const progress = page.getByRole('region', { name: 'Ihr Fortschritt' });

	for (let i = 0; i < 3; i += 1) {
		const response = await page.goto(LESSON);
		await expect(page.getByRole('button', { name: 'Als erledigt markieren' })).toBeVisible();
		// A kept answer carries the headers of a rendered one.
		const headers = await response!.allHeaders();
		expect(headers['cache-control']).toBe('private, no-store');
		expect(headers['content-security-policy']).toContain("default-src 'self'");
		expect(headers['x-content-type-options']).toBe('nosniff');
	}
	for (let i = 0; i < 3; i += 1) {
		await page.goto(`/kurse/${OPEN}`);
		await expect(progress).toContainText('0 von 23 erledigt');
	}

	// Her own action, answered by the lesson page and shown on the course page.
	await page.goto(LESSON);
	await page.getByRole('button', { name: 'Als erledigt markieren' }).click();
	await expect(page.getByText('Sie haben diese Lektion als erledigt markiert.')).toBeVisible();
	await page.goto(LESSON);
	await expect(page.getByText('Sie haben diese Lektion als erledigt markiert.')).toBeVisible();
	await page.goto(`/kurse/${OPEN}`);
	await expect(progress).toContainText('1 von 23 erledigt');

	// Another person at the same address sees their own page.
	const bertPage = await phonePageFor(browser, bert.email);
	await bertPage.goto(LESSON);
	await expect(bertPage.getByRole('button', { name: 'Als erledigt markieren' })).toBeVisible();
	await expect(bertPage.getByText('Anna Behalten')).toHaveCount(0);

	// A change made elsewhere (here: straight in the database, as another process would).
	await page.goto('/');
	await expect(page.getByText('Anna Behalten').first()).toBeVisible();
	withDatabase((db) =>
		db.prepare('update users set name = ? where id = ?').run('Anna Neu', anna.id)
	);
	await page.goto('/');
	await expect(page.getByText('Anna Neu').first()).toBeVisible();

	// Logged out, the same cookie opens nothing, kept page or not.
	const cookie = (await page.context().cookies()).find((c) => c.name === 'session')!;
	await page.goto(LESSON);
	await logout(page);
	await page.context().addCookies([cookie]);
	await page.goto(LESSON);
	await expect(page).toHaveURL(/\/anmelden/);
});
