import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { createCohort, createUser, openForEnrolment, withDatabase } from './support/database';
import { moduleSlugs } from './support/course-folders';
import { E2E_CONTENT_DIR } from './support/paths.js';
import { demo, expect, expectNoAxeViolations, login, test, uniqueEmail } from './support/fixtures';

// Fixture courses (tests/fixtures/catalogue/courses/8X-…): the first two are opened for
// self-enrolment below, the third stays closed.
const DIGITAL = 'probe-digital';
const SEQUENTIAL = 'probe-verwaltung';
const CLOSED = 'probe-ikbo';
const CLOSED_LESSON = 'idee-und-rolle';
/** Module 2 of the sequential course: locked until module 1 is complete. */
const LOCKED_LESSON = `${SEQUENTIAL}/verwaltungsverfahren/vom-antrag-zum-bescheid`;

test.beforeAll(() => {
	openForEnrolment(DIGITAL);
	openForEnrolment(SEQUENTIAL);
});

/**
 * A learner of their own, so journeys that enrol do not depend on each other or on other
 * spec files. Shares the demo learner's password (hash copied), so login() works as usual.
 */
function freshLearner(): string {
	const email = uniqueEmail('kurs');
	const id = Array.from(
		{ length: 16 },
		() => 'abcdefghijklmnopqrstuvwxyz234567'[Math.floor(Math.random() * 32)]
	).join('');
	withDatabase((db) =>
		db
			.prepare(
				`insert into users (id, email, name, password_hash, role, active, created_at, email_confirmed_at)
				 select ?, ?, 'Kurs Lernende', password_hash, 'learner', 1, created_at, created_at from users where email = ?`
			)
			.run(id, email, demo.learner)
	);
	return email;
}

/** A day `offset` days from today, as the app stores dates (YYYY-MM-DD). */
const dayFromToday = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Two in-person days per module every three weeks, and a Vertiefungstreffen a year later. */
function scheduleInPersonDays(cohortId: string) {
	const modules = moduleSlugs('tests/fixtures/catalogue/courses/81-probe-ikbo');
	withDatabase((db) => {
		modules.forEach((module, index) => {
			const first = 7 + index * 21;
			db.prepare(
				`insert into cohort_modules (cohort_id, module_id, starts_on, ends_on, place)
				 values (?, ?, ?, ?, 'Berlin-Mitte')`
			).run(cohortId, `${CLOSED}/${module}`, dayFromToday(first), dayFromToday(first + 1));
		});
		db.prepare('update cohorts set follow_up_date = ? where id = ?').run(
			dayFromToday(7 + 4 * 21 + 364),
			cohortId
		);
	});
}

async function startCourse(page: Page, courseId: string) {
	await page.goto(`/kurse/${courseId}`);
	await page.getByRole('button', { name: 'Kurs beginnen' }).click();
	await expect(page).not.toHaveURL(new RegExp(`/kurse/${courseId}$`));
}

test('a learner starts a course, marks a lesson done and sees it done after going on', async ({
	page
}) => {
	await login(page, freshLearner());
	await page.goto('/kurse');
	await expect(page.getByRole('heading', { level: 1, name: 'Kurse' })).toBeVisible();
	await page.getByRole('link', { name: /Probekurs Digital/ }).click();
	await expect(page).toHaveURL(`/kurse/${DIGITAL}`);
	await page.getByRole('button', { name: 'Kurs beginnen' }).click();

	await expect(page).toHaveURL(new RegExp(`/kurse/${DIGITAL}/[a-z0-9-]+/[a-z0-9-]+$`));
	const firstLesson = page.url();
	const title = await page.getByRole('heading', { level: 1 }).textContent();
	await expect(page.getByText(/Geschätzte Zeit: etwa \d+ Minuten/)).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Inhalt dieser Lektion' })).toBeVisible();
	await page.getByRole('button', { name: 'Als erledigt markieren' }).click();
	// Said once, and announced: the status line is the answer to the button.
	await expect(page.getByRole('status')).toContainText(
		'Sie haben diese Lektion als erledigt markiert.'
	);
	await expect(page.getByText('als erledigt markiert')).toHaveCount(1);

	await page.getByRole('link', { name: /^Weiter/ }).click();
	await expect(page).not.toHaveURL(firstLesson);
	await expect(page.getByRole('button', { name: 'Als erledigt markieren' })).toBeVisible();
	await page.getByRole('link', { name: /^Zurück/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
	await expect(page.getByText('Sie haben diese Lektion als erledigt markiert.')).toBeVisible();

	await page.getByRole('button', { name: 'Markierung „erledigt“ zurücknehmen' }).click();
	await expect(page.getByRole('button', { name: 'Als erledigt markieren' })).toBeVisible();
	await page.getByRole('button', { name: 'Als erledigt markieren' }).click();

	await page.goto('/kurse');
	const card = page.getByRole('listitem').filter({ hasText: 'Probekurs Digital' });
	await expect(card.getByText('Eingeschrieben')).toBeVisible();
	await expect(card.getByText(/^1 von \d+ erledigt$/)).toBeVisible();
});

test.describe('a course closed for self-enrolment', () => {
	// One worker for the group: the admin opens the closed course for a moment, which the
	// learner's check must not see.
	test.describe.configure({ mode: 'serial' });

	test('tells the learner to contact their trainer', async ({ page }) => {
		await login(page, freshLearner());
		await page.goto(`/kurse/${CLOSED}`);
		await expect(
			page.getByText(/wenden Sie sich an Ihre Trainerin oder Ihren Trainer/)
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Kurs beginnen' })).toHaveCount(0);
		// Lessons of a course the learner is not enrolled in lead back to the course page.
		await page.goto(`/kurse/${CLOSED}/rolle-und-auftrag/${CLOSED_LESSON}`);
		await expect(page).toHaveURL(`/kurse/${CLOSED}`);
	});

	// The course page posts its start form without JavaScript: a refusal must come back as the
	// same page with the reason, not as an error page.
	test('a start after enrolment closed says why and enrols nobody', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		const email = freshLearner();
		openForEnrolment(CLOSED);
		try {
			await login(page, email);
			await page.goto(`/kurse/${CLOSED}`);
			const start = page.getByRole('button', { name: 'Kurs beginnen' });
			await expect(start).toBeVisible();
			openForEnrolment(CLOSED, false);
			const answer = page.waitForResponse(
				(response) => response.request().method() === 'POST' && response.url().includes('beginnen')
			);
			await start.click();
			expect((await answer).status()).toBe(403);
			await expect(page.getByRole('alert')).toHaveText(
				/nicht zum Selbstlernen freigegeben\. Bitte wenden Sie sich an Ihre Trainerin/
			);
			// The answer is a new page: a phone shows the reason without scrolling.
			await expect(page.getByRole('alert')).toBeInViewport();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Probekurs IKBO/);
			await expectNoAxeViolations(page);
			const enrolled = withDatabase((db) =>
				db
					.prepare(
						'select 1 from enrolments join users on users.id = enrolments.user_id where users.email = ?'
					)
					.get(email)
			);
			expect(enrolled).toBeUndefined();
		} finally {
			openForEnrolment(CLOSED, false);
		}
	});

	test('is opened by an admin and closed again', async ({ page }) => {
		const isOpen = () =>
			withDatabase((db) =>
				db
					.prepare('select 1 from course_settings where course_id = ? and open_enrolment = 1')
					.get(CLOSED)
			) !== undefined;
		await login(page, demo.admin);
		await page.goto('/admin/kurse');
		await expectNoAxeViolations(page);
		const row = page.getByRole('row', { name: /Probekurs IKBO/ });
		expect(isOpen()).toBe(false);
		await row.getByRole('button', { name: /Für Selbstanmeldung öffnen/ }).click();
		await expect(page.getByRole('status')).toContainText('jetzt für die Selbstanmeldung geöffnet');
		await expect(row).toContainText('geöffnet');
		expect(isOpen()).toBe(true);
		await row.getByRole('button', { name: /Selbstanmeldung beenden/ }).click();
		await expect(page.getByRole('status')).toContainText('nicht mehr für die Selbstanmeldung');
		await expect(row).toContainText('nur in Lehrgängen');
		expect(isOpen()).toBe(false);
	});
});

test('a locked module says why and links what is missing', async ({ page }) => {
	await login(page, freshLearner());
	await startCourse(page, SEQUENTIAL);
	await page.goto(`/kurse/${SEQUENTIAL}`);
	const second = page.getByRole('listitem').filter({ hasText: 'Modul 2:' }).first();
	await expect(second.getByText('Gesperrt', { exact: true })).toBeVisible();
	// Items of a locked module are „gesperrt“, not „offen“; what is missing is listed only once.
	await expect(second.getByText('gesperrt', { exact: true }).first()).toBeVisible();
	await expect(second.getByText('offen', { exact: true })).toHaveCount(0);
	await expect(page.locator('.lock')).toHaveCount(1);
	await second.getByRole('link', { name: /^Modul 2:/ }).click();
	await expect(page).toHaveURL(`/kurse/${SEQUENTIAL}/verwaltungsverfahren`);

	const notice = page.locator('.lock');
	await expect(
		notice.getByRole('heading', { name: 'Dieses Modul ist noch gesperrt' })
	).toBeVisible();
	await expect(notice).toContainText('Es öffnet sich, sobald Sie das vorige Modul');
	await expect(notice.getByRole('link', { name: /\(Quiz\)|Quiz Modul/ }).first()).toBeVisible();
	const missing = notice.getByRole('listitem');
	expect(await missing.count()).toBeGreaterThan(1);

	// A lesson of the locked module shows the same notice instead of its text.
	await page.goto(`/kurse/${LOCKED_LESSON}`);
	await expect(page.getByRole('heading', { name: 'Dieses Modul ist noch gesperrt' })).toBeVisible();
	await expect(page.locator('.lesson-body')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Als erledigt markieren' })).toHaveCount(0);
});

test.describe('files beside lessons', () => {
	// One worker for the group: a parallel worker's afterAll would delete the probe folder mid-test.
	test.describe.configure({ mode: 'serial' });
	// The server reads these files at run time from its CONTENT_DIR (a copy of the courses).
	const moduleDir = resolve(E2E_CONTENT_DIR, 'courses/83-probe-digital/01-informationen-und-daten');
	const probeDir = resolve(moduleDir, 'e2e-probe');
	const base = `/medien/${DIGITAL}/informationen-und-daten/e2e-probe`;

	test.beforeAll(() => {
		mkdirSync(probeDir, { recursive: true });
		writeFileSync(resolve(probeDir, 'bild.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
		writeFileSync(resolve(probeDir, 'notiz.txt'), 'Hallo');
		writeFileSync(resolve(probeDir, 'seite.html'), '<script>alert(1)</script>');
	});
	test.afterAll(() => rmSync(probeDir, { recursive: true, force: true }));

	test('are served to enrolled learners with the right headers', async ({ page }) => {
		await login(page, freshLearner());
		const before = await page.request.get(`${base}/notiz.txt`, { maxRedirects: 0 });
		expect(before.status()).toBe(403);
		await startCourse(page, DIGITAL);

		const text = await page.request.get(`${base}/notiz.txt`);
		expect(text.status()).toBe(200);
		expect(text.headers()['content-type']).toBe('text/plain; charset=utf-8');
		expect(text.headers()['x-content-type-options']).toBe('nosniff');
		expect(await text.text()).toBe('Hallo');
		const part = await page.request.get(`${base}/notiz.txt`, { headers: { range: 'bytes=1-2' } });
		expect(part.status()).toBe(206);
		expect(await part.text()).toBe('al');

		const svg = await page.request.get(`${base}/bild.svg`);
		expect(svg.headers()['content-type']).toBe('image/svg+xml');
		expect(svg.headers()['content-security-policy']).toBe('sandbox');

		for (const path of [
			`${base}/seite.html`,
			`${base}/fehlt.png`,
			`${base}/%2e%2e/%2e%2e/course.md`,
			`${base}/..%2f..%2fcourse.md`,
			`/medien/${DIGITAL}/informationen-und-daten/01-einfuehrung-digcomp.md`
		]) {
			const response = await page.request.get(path, { maxRedirects: 0 });
			expect(response.status(), path).toBe(404);
		}
	});

	test('are not served to anonymous visitors', async ({ request }) => {
		const response = await request.get(`${base}/notiz.txt`, { maxRedirects: 0 });
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toMatch(/^\/anmelden\?weiter=/);
	});

	test('trainers read files of every course', async ({ page }) => {
		await login(page, demo.trainer);
		const response = await page.request.get(`${base}/notiz.txt`);
		expect(response.status()).toBe(200);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a learner reads a lesson and marks it done', async ({ page }) => {
		await login(page, freshLearner());
		await startCourse(page, SEQUENTIAL);
		await expect(page.locator('.lesson-body h2').first()).toBeVisible();
		await page
			.getByRole('navigation', { name: 'Inhalt dieser Lektion' })
			.getByRole('link')
			.nth(1)
			.click();
		await expect(page).toHaveURL(/#.+$/);
		await page.getByRole('button', { name: 'Als erledigt markieren' }).click();
		await expect(page.getByRole('status')).toContainText(
			'Sie haben diese Lektion als erledigt markiert.'
		);
	});
});

for (const viewport of [
	{ name: 'Smartphone 360 px', width: 360, height: 740 },
	{ name: 'Desktop', width: 1280, height: 800 }
]) {
	test.describe(viewport.name, () => {
		test.use({ viewport: { width: viewport.width, height: viewport.height } });

		test('catalogue, course, module and lesson pages have no axe violations', async ({ page }) => {
			await login(page, freshLearner());
			await startCourse(page, SEQUENTIAL);
			const lesson = page.url();
			await page.getByRole('button', { name: 'Als erledigt markieren' }).click();
			await expect(page.getByText('Sie haben diese Lektion als erledigt markiert.')).toBeVisible();
			for (const path of [
				'/kurse',
				`/kurse/${SEQUENTIAL}`,
				`/kurse/${SEQUENTIAL}/berliner-verwaltung`,
				`/kurse/${LOCKED_LESSON}`,
				`/kurse/${CLOSED}`,
				lesson
			]) {
				await page.goto(path);
				await expectNoAxeViolations(page);
			}
			// Nothing may be wider than the phone: wide tables scroll inside their own region.
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
		});

		test('a trainer’s course page has no axe violations', async ({ page }) => {
			await login(page, demo.trainer);
			await page.goto(`/kurse/${SEQUENTIAL}`);
			await expect(page.getByText(/Alle Module sind für Sie geöffnet/)).toBeVisible();
			await expectNoAxeViolations(page);
		});
	});
}

test('a cohort learner sees the in-person days of each module and the Vertiefungstreffen on the course page', async ({
	page
}) => {
	const learner = createUser('learner', 'Pia Präsenz');
	const trainer = createUser('trainer', 'Paul Präsenz');
	scheduleInPersonDays(createCohort(CLOSED, trainer.id, [learner.id]));
	await login(page, learner.email);
	await page.goto(`/kurse/${CLOSED}`);
	const modules = page.locator('ol.modules > li');
	await expect(modules).toHaveCount(5);
	await expect(modules.first()).toContainText(
		/Präsenztermin Ihres Lehrgangs: .+ – .+, Berlin-Mitte/
	);
	// The cohort's Vertiefungstreffen about a year after the last module.
	await expect(
		page.getByRole('region', { name: 'Nach dem Lehrgang: Vertiefungstreffen' })
	).toContainText(/Termin: \d{2}\.\d{2}\.20\d\d\./);
	await expectNoAxeViolations(page);
});
