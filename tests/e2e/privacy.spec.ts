import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readZip } from '../support/read-zip';
import { createUser, randomId, withDatabase } from './support/database';
import {
	demo,
	expect,
	expectNoAxeViolations,
	login,
	logout,
	postForm,
	test
} from './support/fixtures';

const COURSE_ID = 'probe-verwaltung';

/** 360 px wide phones: the page itself must not scroll sideways (tables scroll in their region). */
async function expectNoSidewaysScroll(page: Page) {
	await page.setViewportSize({ width: 360, height: 740 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(360);
}

/** A fresh learner enrolled in a course with a certificate (the admin issues it in the test). */
function arrangeLearner(name: string) {
	const learner = createUser('learner', name);
	withDatabase((db) =>
		db
			.prepare('insert into enrolments (id, user_id, course_id) values (?, ?, ?)')
			.run(randomId(), learner.id, COURSE_ID)
	);
	return learner;
}

test('a learner downloads their data and requests deletion; an admin confirms; the certificate says gelöscht', async ({
	page
}) => {
	test.slow();
	const learner = arrangeLearner('Emine Datenschutz-Probe');
	await login(page, demo.admin);
	const issued = await postForm(page, '/trainer/zertifikate?/issue', {
		userId: learner.id,
		courseId: COURSE_ID,
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
	await logout(page);

	await login(page, learner.email);
	await page.goto('/konto');
	const section = page.getByRole('region', { name: 'Meine Daten' });
	const downloading = page.waitForEvent('download');
	await section.getByRole('link', { name: 'Meine Daten herunterladen (ZIP)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^meine-daten-.*\.zip$/);
	const entries = await readZip(readFileSync((await download.path())!));
	expect(entries.get('LIESMICH.txt')!.toString()).toContain('Art. 15 DSGVO');
	expect(entries.get('konto.json')!.toString()).toContain(learner.email);
	expect(entries.get('zertifikate.json')!.toString()).toContain(code);
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
	await page.setViewportSize({ width: 1280, height: 720 });

	await section.getByRole('button', { name: 'Löschung beantragen' }).click();
	await section.getByRole('button', { name: 'Ja, Löschung beantragen' }).click();
	await expect(section.getByRole('status')).toHaveText('Ihr Löschantrag ist eingegangen.');
	await expect(section).toContainText('spätestens am');
	await logout(page);

	await login(page, demo.admin);
	await page.goto('/admin/loeschfristen');
	// Listed twice: among the planned deletions and the open requests.
	await expect(page.getByRole('link', { name: learner.name })).toHaveCount(2);
	await page.getByRole('link', { name: learner.name }).first().click();
	const privacy = page.getByRole('region', { name: 'Datenschutz' });
	await expect(privacy).toContainText('Löschantrag vom');
	await privacy.getByRole('button', { name: 'Konto endgültig löschen' }).click();
	await expect(privacy.getByText('Bitte geben Sie einen Grund an')).toBeVisible();
	await privacy.getByLabel('Grund der Löschung').fill('Antrag über die Plattform');
	await privacy.getByRole('button', { name: 'Konto endgültig löschen' }).click();
	await expect(privacy.getByRole('button', { name: 'Ja, endgültig löschen' })).toBeVisible();
	await expectNoAxeViolations(page);
	await privacy.getByRole('button', { name: 'Ja, endgültig löschen' }).click();
	await expect(page.getByText('Das Konto wurde gelöscht.')).toBeVisible();
	await expect(page.getByText(learner.email)).toHaveCount(0);

	await page.goto(`/verify/${code}`);
	await expect(page.getByRole('status')).toContainText('Gelöscht');
	await expect(page.locator('main')).not.toContainText(learner.name);
	await expectNoAxeViolations(page);
});

test('an admin filters the audit log and downloads it as CSV', async ({ page, clientIp }) => {
	await login(page, demo.admin);
	await page.goto('/admin/protokoll');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Protokoll (Audit-Log)');
	await page.getByLabel('Aktion').selectOption({ label: 'Anmeldung erfolgreich' });
	await page.getByLabel('Person (Name, E-Mail-Adresse oder Konto-ID)').fill('admin@example.org');
	await page.getByRole('button', { name: 'Filtern' }).click();
	await expect(page).toHaveURL(/aktion=login\.succeeded/);
	const rows = page.getByRole('region', { name: 'Protokoll (Audit-Log)' }).getByRole('row');
	await expect(rows.nth(1)).toContainText('Anmeldung erfolgreich');
	// Shown in Berlin time and said so; the CSV below keeps UTC and says that.
	await expect(rows.first()).toContainText('Zeitpunkt (Ortszeit Berlin)');
	await expect(page.getByRole('row', { name: /Konto gelöscht/ })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Als CSV herunterladen' }).click();
	const csvDownload = await downloading;
	const text = readFileSync((await csvDownload.path())!).toString('utf8');
	expect(text.startsWith('\ufeffZeitpunkt (UTC);Aktion;')).toBe(true);
	expect(text).toContain('login.succeeded');
	expect(text).not.toContain('account.deleted');

	// The export's entry gets the client address from the request context, not from the route
	// (the browser's download above goes without the test's address header).
	expect((await page.request.get('/admin/protokoll.csv')).ok()).toBe(true);
	await page.getByLabel('Aktion').selectOption({ label: 'Daten exportiert' });
	await page.getByRole('button', { name: 'Filtern' }).click();
	await expect(rows.nth(1)).toContainText('Daten exportiert');
	await expect(rows.nth(1)).toContainText(clientIp);
});

test('the retention page shows what will be deleted when; the Datenschutz page the periods', async ({
	page
}) => {
	const inactive = createUser('learner', 'Lange Abwesend');
	const lastSeen = new Date();
	lastSeen.setUTCMonth(lastSeen.getUTCMonth() - 36);
	lastSeen.setUTCDate(lastSeen.getUTCDate() + 20);
	withDatabase((db) =>
		db
			.prepare('update users set last_active_at = ? where id = ?')
			.run(lastSeen.getTime(), inactive.id)
	);
	await login(page, demo.admin);
	await page.goto('/admin/loeschfristen');
	const row = page.getByRole('row', { name: /Lange Abwesend/ });
	await expect(row).toContainText('Keine Anmeldung seit 36 Monaten');
	await expect(row).toContainText('noch nicht gewarnt');
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);

	await page.goto('/datenschutz');
	await expect(
		page.getByRole('listitem').filter({ hasText: 'nach 36 Monaten gelöscht' })
	).toBeVisible();
	await expect(page.getByText('Meine Daten herunterladen')).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoSidewaysScroll(page);
});
