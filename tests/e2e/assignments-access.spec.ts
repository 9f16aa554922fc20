import { expect, expectNoAxeViolations, login, test } from './support/fixtures';
import { withDatabase } from './support/database';
import { COURSE, PAGE, PDF, signedIn, submitWork, twoCohorts } from './support/assignments';

// A Praxisaufgabe's submission and files: refused uploads store nothing, and nobody outside the
// learner and her cohort's trainers reads them.

test('upload abuse is refused with a German message, nothing stored', async ({ page }) => {
	test.slow();
	const { learnerA } = twoCohorts();
	await login(page, learnerA.email);
	await page.goto(PAGE, { waitUntil: 'networkidle' });
	await page.getByLabel('Ihr Text').fill('Mein Text bleibt erhalten.');

	const attempts: [{ name: string; mimeType: string; buffer: Buffer }, string | RegExp][] = [
		[
			{ name: 'leer.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
			'Die Datei „leer.pdf“ ist leer (0 Byte).'
		],
		[
			{
				name: 'getarnt.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.from('<script>alert(1)</script>')
			},
			'Der Inhalt der Datei „getarnt.pdf“ passt nicht zur Dateiendung.'
		],
		[
			{
				name: 'riesig.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)])
			},
			'Die Datei ist zu groß. Erlaubt sind höchstens 10 MB.'
		],
		[
			{ name: `${'a'.repeat(130)}.pdf`, mimeType: 'application/pdf', buffer: PDF },
			'Der Dateiname ist zu lang (höchstens 120 Zeichen).'
		],
		[
			{ name: 'bild.png', mimeType: 'image/png', buffer: PDF },
			'Dieser Dateityp ist hier nicht erlaubt.'
		]
	];
	for (const [file, message] of attempts) {
		await page.getByLabel('Datei hochladen').setInputFiles(file);
		await page.getByRole('button', { name: 'Entwurf speichern' }).click();
		await expect(page.locator('#feld-datei-fehler')).toContainText(message);
		await expect(page.getByRole('alert')).toContainText(message);
		await expect(page.getByLabel('Ihr Text')).toHaveValue('Mein Text bleibt erhalten.');
	}
	await expectNoAxeViolations(page);

	// A name with a path, as only a hand-made request sends it.
	const response = await page.request.post(`${PAGE}?/save`, {
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		multipart: {
			text: 'x',
			datei: { name: '../../etc/passwd.pdf', mimeType: 'application/pdf', buffer: PDF }
		}
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('Der Dateiname enthält unzulässige Zeichen');

	const stored = withDatabase(
		(db) =>
			(
				db
					.prepare(
						'select count(*) as n from submission_files f join submissions s on s.id = f.submission_id where s.user_id = ?'
					)
					.get(learnerA.id) as { n: number }
			).n
	);
	expect(stored).toBe(0);
});

test('other learners and trainers of other cohorts cannot read a submission or its files', async ({
	page,
	browser,
	baseURL
}) => {
	test.slow();
	const { learnerA, learnerB, trainer1, trainer2 } = twoCohorts();
	await login(page, learnerA.email);
	// Module 2 of the sequential course is still locked: the page says why and what is missing.
	await page.goto(`/aufgaben/${COURSE}/diskriminierung-und-machtkritik/praxisaufgabe-beobachtung`);
	await expect(
		page.getByRole('heading', { name: 'Diese Praxisaufgabe ist noch gesperrt' })
	).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Praxisaufgabe 1: Auftragsgespräch mit Ihrer Leitung' })
	).toBeVisible();
	await expect(page.getByLabel('Ihr Text')).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.goto(PAGE, { waitUntil: 'networkidle' });
	await page.getByLabel('Ihr Text').fill('Vertraulich.');
	await page
		.getByLabel('Datei hochladen')
		.setInputFiles({ name: 'Rolle Ümit.pdf', mimeType: 'application/pdf', buffer: PDF });
	await submitWork(page);
	const { submissionId, fileId } = withDatabase(
		(db) =>
			db
				.prepare(
					'select s.id as submissionId, f.id as fileId from submissions s join submission_files f on f.submission_id = s.id where s.user_id = ?'
				)
				.get(learnerA.id) as { submissionId: string; fileId: string }
	);

	const own = await page.request.get(`/aufgaben/dateien/${fileId}`);
	expect(own.status()).toBe(200);
	expect(own.headers()['content-disposition']).toBe(
		`attachment; filename="Rolle Umit.pdf"; filename*=UTF-8''Rolle%20%C3%9Cmit.pdf`
	);
	expect(own.headers()['x-content-type-options']).toBe('nosniff');
	expect(Buffer.from(await own.body()).equals(PDF)).toBe(true);

	const other = await signedIn(browser, baseURL!, learnerB.email);
	expect((await other.request.get(`/aufgaben/dateien/${fileId}`)).status()).toBe(404);
	expect((await other.goto(`/trainer/abgaben/${submissionId}`))!.status()).toBe(403);
	const removal = await other.request.post(`${PAGE}?/removeFile`, {
		headers: { origin: new URL(baseURL!).origin, accept: 'text/html' },
		multipart: { fileId }
	});
	expect(removal.status()).toBe(404);
	await other.context().close();

	const foreignTrainer = await signedIn(browser, baseURL!, trainer2.email);
	expect((await foreignTrainer.goto(`/trainer/abgaben/${submissionId}`))!.status()).toBe(404);
	expect((await foreignTrainer.request.get(`/aufgaben/dateien/${fileId}`)).status()).toBe(404);
	await foreignTrainer.goto('/trainer/abgaben');
	await expect(foreignTrainer.getByText('Keine Abgaben mit diesem Filter.')).toBeVisible();
	await foreignTrainer.context().close();

	const ownTrainer = await signedIn(browser, baseURL!, trainer1.email);
	expect((await ownTrainer.request.get(`/aufgaben/dateien/${fileId}`)).status()).toBe(200);
	await ownTrainer.goto(`/trainer/abgaben/${submissionId}`);
	await expect(ownTrainer.getByText('Vertraulich.')).toBeVisible();
	await ownTrainer.context().close();
});
