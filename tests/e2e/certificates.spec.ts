import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { verifySnapshot } from '../../src/lib/server/certificates/signing';
import { withDatabase } from './support/database';
import { demo, expect, expectNoAxeViolations, login, postForm, test } from './support/fixtures';

const COURSE_DIR = 'tests/fixtures/catalogue/courses/82-probe-verwaltung';
const COURSE_ID = 'probe-verwaltung';
/** The UE the course declares: the certificate prints them, whatever the course's authors set. */
const courseHours = () =>
	Number(/\n {2}hours: (\d+)\n/.exec(readFileSync(`${COURSE_DIR}/course.md`, 'utf8'))![1]);
const withoutOrder = (name: string) => name.replace(/^\d+-/, '').replace(/\.md$/, '');

/** Item IDs as the content index derives them: `<course>/<module>/<item>` without order prefixes. */
function courseItemIds(): string[] {
	return readdirSync(COURSE_DIR, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((module) =>
			readdirSync(join(COURSE_DIR, module.name))
				.filter((file) => file.endsWith('.md') && file !== 'module.md')
				.map((file) => `${COURSE_ID}/${withoutOrder(module.name)}/${withoutOrder(file)}`)
		);
}

/**
 * The demo learner, enrolled in a cohort of the demo trainer, has completed every item of the
 * course; earlier certificates of this course are cleared so the run starts from a known state.
 */
function arrangeCompletedCourse(cohortName: string) {
	return withDatabase((db) => {
		const idOf = (email: string) =>
			(db.prepare('select id from users where email = ?').get(email) as { id: string }).id;
		const learner = idOf(demo.learner);
		const trainer = idOf(demo.trainer);
		const cohortId = `e2e${Date.now().toString(36)}`.slice(0, 16);
		db.prepare('insert into cohorts (id, course_id, name, created_by) values (?, ?, ?, ?)').run(
			cohortId,
			COURSE_ID,
			cohortName,
			trainer
		);
		db.prepare('insert into cohort_trainers (cohort_id, user_id) values (?, ?)').run(
			cohortId,
			trainer
		);
		db.prepare('delete from certificates where user_id = ? and course_id = ?').run(
			learner,
			COURSE_ID
		);
		db.prepare('delete from enrolments where user_id = ? and course_id = ?').run(
			learner,
			COURSE_ID
		);
		db.prepare(
			'insert into enrolments (id, user_id, course_id, cohort_id, created_at) values (?, ?, ?, ?, ?)'
		).run(`en${cohortId}`.slice(0, 16), learner, COURSE_ID, cohortId, Date.now());
		const insert = db.prepare(
			`insert into completion_events (user_id, course_id, item_id, kind, source, at)
			 values (?, ?, ?, 'completed', 'lesson_marked', ?)`
		);
		for (const itemId of courseItemIds()) insert.run(learner, COURSE_ID, itemId, Date.now());
		return { cohortId };
	});
}

test('a completed course gives a certificate that can be downloaded, verified and revoked', async ({
	page,
	browser
}) => {
	const cohortName = `Lehrgang Zertifikat ${Date.now()}`;
	const { cohortId } = arrangeCompletedCourse(cohortName);

	// The trainer issues it manually (automatic issue happens on the last completion in the app).
	const trainer = await (await browser.newContext()).newPage();
	await login(trainer, demo.trainer);
	await trainer.goto(`/trainer/zertifikate?lehrgang=${cohortId}`);
	await expect(trainer.getByRole('heading', { level: 1 })).toHaveText('Zertifikate verwalten');
	const row = trainer.getByRole('row', { name: /Aylin Demir/ }).filter({ hasText: cohortName });
	await expect(row).toContainText('abgeschlossen');
	await expectNoAxeViolations(trainer);
	await row.getByRole('button', { name: /Ausstellen/ }).click();
	await expect(trainer.getByRole('status').first()).toContainText(
		/Ausgestellt: Teilnahmebestätigung Nr\. \d{4}-\d{6}\./
	);
	const number = (await trainer.getByRole('status').first().textContent())!.match(
		/\d{4}-\d{6}/
	)![0];

	// Its number finds it in the search; the learner's user page lists it for admins.
	await trainer.getByLabel('Name, E-Mail-Adresse oder Zertifikatsnummer').fill(number);
	await trainer.getByRole('button', { name: 'Anzeigen' }).click();
	await expect(trainer.getByText('1 Einschreibung gefunden')).toBeVisible();
	await expect(trainer.getByRole('link', { name: number })).toBeVisible();
	const admin = await (await browser.newContext()).newPage();
	await login(admin, demo.admin);
	await admin.goto(`/admin/benutzer?suche=${encodeURIComponent(demo.learner)}`);
	await admin.getByRole('link', { name: 'Aylin Demir' }).click();
	const certificatesOfUser = admin.getByRole('region', { name: 'Zertifikate' });
	await expect(certificatesOfUser.getByRole('link', { name: number })).toBeVisible();
	await expect(admin.getByRole('region', { name: 'Kurse und Lehrgänge' }).first()).toContainText(
		cohortName
	);
	await admin.context().close();

	// The learner finds it, downloads the PDF and opens the verification page.
	await login(page, demo.learner);
	await page.goto('/zertifikate');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meine Zertifikate');
	const card = page
		.getByRole('listitem')
		.filter({ hasText: 'Teilnahmebestätigung: Probekurs Verwaltung' })
		.filter({ hasText: 'Gültig' });
	await expect(card).toHaveCount(1);
	await expectNoAxeViolations(page);
	const href = await card.getByRole('link', { name: /PDF herunterladen/ }).getAttribute('href');
	const pdf = await page.request.get(href!);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect(pdf.headers()['content-disposition']).toMatch(
		/^attachment; filename="teilnahmebestaetigung-\d{4}-\d{6}\.pdf"$/
	);
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

	await card.getByRole('link', { name: /Prüfseite/ }).click();
	await expect(page).toHaveURL(/\/verify\/[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
	const verifyPath = new URL(page.url()).pathname;
	// The course awards a Teilnahmebestätigung: the verdict calls it that, as the list does.
	await expect(page.getByText('Diese Teilnahmebestätigung ist gültig.')).toBeVisible();
	await expect(page.getByText('Aylin Demir', { exact: true })).toBeVisible();
	await expect(page.getByText(`${courseHours()} UE`, { exact: true })).toBeVisible();
	await expectNoAxeViolations(page);

	// Without login the download sends to the login page.
	const stranger = await (await browser.newContext()).newPage();
	const anonymous = await stranger.request.get(href!, { maxRedirects: 0 });
	expect(anonymous.status()).toBe(303);

	// The signed JSON verifies against the instance's public key.
	const json = await (await page.request.get(`${verifyPath}/json`)).json();
	expect(json.status).toBe('valid');
	expect(json.snapshot.learnerName).toBe('Aylin Demir');
	expect(verifySnapshot(json.snapshot, json.signature, json.publicKey)).toBe(true);

	// The trainer revokes it, with a reason and a confirmation.
	await trainer.goto(`/trainer/zertifikate?lehrgang=${cohortId}`);
	await row.getByRole('link', { name: /\d{4}-\d{6}/ }).click();
	await trainer.getByLabel('Grund des Widerrufs').fill('Versehentlich ausgestellt');
	await trainer.getByRole('button', { name: 'Zertifikat widerrufen …' }).click();
	await expect(trainer.getByText(/wirklich widerrufen\?/)).toBeVisible();
	await expectNoAxeViolations(trainer);
	await trainer.getByRole('button', { name: 'Ja, widerrufen' }).click();
	await expect(trainer.getByRole('status').first()).toHaveText(
		/^Widerrufen: Teilnahmebestätigung Nr\. \d{4}-\d{6}\.$/
	);

	// The public page (no login) now says revoked, with the date but not the reason.
	await stranger.goto(verifyPath);
	await expect(
		stranger.getByText(/wurde am .* widerrufen und ist nicht mehr gültig/)
	).toBeVisible();
	await expect(stranger.getByText('Versehentlich ausgestellt')).toHaveCount(0);
	// One verdict: the signature check that could read as "gültig" is folded away.
	await expect(stranger.getByText(/ist gültig/)).toBeHidden();
	await expect(stranger.getByText(/Signatur stimmt/)).toBeHidden();
	await stranger.getByText('Technische Prüfung (digitale Signatur)').click();
	await expect(stranger.getByText(/Signatur stimmt/)).toBeVisible();
	await expectNoAxeViolations(stranger);
	await Promise.all([trainer.context().close(), stranger.context().close()]);
});

test('an unknown or mistyped code gets a clear message', async ({ page }) => {
	await page.goto('/verify');
	await expectNoAxeViolations(page);
	await page.getByLabel('Prüfcode').fill('abc');
	await page.getByRole('button', { name: 'Prüfen' }).click();
	await expect(page.getByRole('alert')).toContainText('Das ist kein gültiger Prüfcode.');
	await expect(page.getByLabel('Prüfcode')).toHaveValue('abc');
	await expectNoAxeViolations(page);

	await page.getByLabel('Prüfcode').fill('zzzz zzzz zzzz zzzz');
	await page.getByRole('button', { name: 'Prüfen' }).click();
	await expect(page).toHaveURL(/\/verify\/ZZZZ-ZZZZ-ZZZZ-ZZZZ$/);
	await expect(page.getByText('Kein Zertifikat gefunden')).toBeVisible();
	await expect(page.getByText(/gibt es kein Zertifikat/)).toBeVisible();
	await expectNoAxeViolations(page);
	const json = await page.request.get('/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/json');
	expect(json.status()).toBe(404);
	// The page itself is no soft 404: it answers like the JSON, and keeps its guidance.
	expect((await page.reload())?.status()).toBe(404);
	await expect(page.getByRole('link', { name: 'Einen anderen Prüfcode eingeben' })).toBeVisible();
});

test('guessing codes is rate-limited per address', async ({ request }) => {
	let status = 200;
	for (let i = 0; i < 40 && status !== 429; i += 1) {
		status = (await request.get(`/verify/AAAA-BBBB-CCCC-${String(i).padStart(4, '0')}`)).status();
	}
	expect(status).toBe(429);
	const page = await request.get('/verify/AAAA-BBBB-CCCC-DDDD');
	expect(page.status()).toBe(429);
	expect(await page.text()).toContain('Zu viele Anfragen');
});

test('only trainers and admins reach the management pages; only admins the settings', async ({
	page
}) => {
	await login(page, demo.learner);
	expect((await page.goto('/trainer/zertifikate'))?.status()).toBe(403);
	expect((await page.goto('/admin/einstellungen'))?.status()).toBe(403);
	const forged = await postForm(page, '/trainer/zertifikate?/issue', {
		userId: 'aaaaaaaaaaaaaaaa',
		courseId: COURSE_ID
	});
	expect(forged.status).toBe(403);
});

function tinyPng(): Buffer {
	const png = new PNG({ width: 4, height: 4 });
	png.data.fill(80);
	return PNG.sync.write(png);
}

test('an admin sets the issuer and uploads a logo; a fake image is refused', async ({ page }) => {
	await login(page, demo.admin);
	await page.goto('/admin/einstellungen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen für Zertifikate');
	await expectNoAxeViolations(page);

	await page.getByLabel('Name des Trägers').fill('Integrationslots*innen Berlin e. V.');
	await page.getByLabel('Ort (für „Ort, Datum“)').fill('Berlin');
	await page
		.getByLabel('Logo')
		.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('kein Bild') });
	await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
	await expect(page.getByRole('alert')).toContainText('PNG oder JPEG');
	await expect(page.getByLabel('Name des Trägers')).toHaveValue(
		'Integrationslots*innen Berlin e. V.'
	);

	await page
		.getByLabel('Logo')
		.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: tinyPng() });
	await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
	await expect(page.getByRole('status')).toHaveText('Die Einstellungen wurden gespeichert.');
	await expect(page.getByRole('img', { name: 'Gespeichertes Logo' })).toBeVisible();
	await expectNoAxeViolations(page);
});
