import { demo, expect, expectNoAxeViolations, login, test } from './support/fixtures';
import { withDatabase } from './support/database';
import {
	COURSE,
	ITEM,
	MODULE,
	PAGE,
	PDF,
	fillReview,
	review,
	signedIn,
	submitWork,
	twoCohorts
} from './support/assignments';

test('the review loop: submit, revision requested, resubmit, accepted, completion recorded', async ({
	page,
	browser,
	baseURL
}) => {
	test.slow();
	const { learnerA, trainer1 } = twoCohorts();
	// Everything else in module 1 is done, so accepting the assignment completes the module.
	withDatabase((db) => {
		for (const item of ['idee-und-rolle', 'auftrag-klaeren', 'wissenscheck']) {
			db.prepare(
				"insert into completion_events (user_id, course_id, item_id, kind, source, at) values (?, ?, ?, 'completed', 'lesson_marked', ?)"
			).run(learnerA.id, COURSE, `${MODULE}/${item}`, Date.now());
		}
	});

	await login(page, learnerA.email);
	await page.goto(PAGE);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Praxisaufgabe 1');
	await expect(page.getByRole('heading', { name: 'Aufgabenstellung' })).toBeVisible();
	await expect(page.getByText('Noch nicht begonnen')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Ihr Text').fill('Mein **Auftrag**: erste Fassung.');
	// A refused file first: the message comes, the text stays.
	await page
		.getByLabel('Datei hochladen')
		.setInputFiles({ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: PDF });
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(page.getByLabel('Ihr Text')).toHaveValue('Mein **Auftrag**: erste Fassung.');
	await page
		.getByLabel('Datei hochladen')
		.setInputFiles({ name: 'rolle.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(page.getByText('Ihr Entwurf wurde gespeichert.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'rolle.pdf' })).toBeVisible();
	// A second save gives the same answer: the message takes the focus again, so it is read out.
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(page.locator(':focus')).toHaveText('Ihr Entwurf wurde gespeichert.');
	// Removing a file asks first (focused, read out); "Abbrechen" keeps it.
	await page.getByRole('button', { name: 'Datei „rolle.pdf“ entfernen' }).click();
	await expect(page.locator(':focus')).toContainText('Datei „rolle.pdf“ wirklich');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Abbrechen' }).click();
	await expect(page.getByRole('link', { name: 'rolle.pdf' })).toBeVisible();
	// Neither the question nor "Abbrechen" empties the text (it was then submitted empty).
	await expect(page.getByLabel('Ihr Text')).toHaveValue('Mein **Auftrag**: erste Fassung.');
	await submitWork(page);
	await expect(page.getByLabel('Ihr Text')).toHaveCount(0);
	await expectNoAxeViolations(page);

	const trainer = await signedIn(browser, baseURL!, trainer1.email);
	await trainer.goto('/benachrichtigungen');
	await expect(
		trainer.getByRole('link', {
			name: `${learnerA.name} hat „Praxisaufgabe 1: Auftragsgespräch mit Ihrer Leitung“ eingereicht.`
		})
	).toBeVisible();
	await trainer.goto('/trainer/abgaben');
	await expectNoAxeViolations(trainer);
	await trainer.getByRole('link', { name: learnerA.name }).click();
	await expect(trainer.getByRole('heading', { level: 1 })).toContainText(learnerA.name);
	await expect(trainer.locator('.answer strong')).toHaveText('Auftrag');
	await expectNoAxeViolations(trainer);
	await trainer.getByRole('button', { name: 'Rückmeldung senden' }).click();
	await expect(trainer.getByRole('alert')).toContainText('Bitte wählen Sie eine Entscheidung.');
	// The group of choices is described by its error, so it is read on entering the group.
	await expect(trainer.getByRole('group', { name: 'Entscheidung' })).toHaveAccessibleDescription(
		'Bitte wählen Sie eine Entscheidung.'
	);
	await expectNoAxeViolations(trainer);
	await review(trainer, 'Überarbeitung erbitten', 'Bitte die **Ressourcen** ergänzen.');

	await page.goto('/benachrichtigungen');
	await expect(page.getByRole('link', { name: /Rückmeldung zu „Praxisaufgabe 1/ })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto(PAGE);
	await expect(page.getByText('Überarbeitung erbeten').first()).toBeVisible();
	await expect(page.locator('.feedback strong')).toHaveText('Ressourcen');
	await expect(page.getByLabel('Ihr Text')).toHaveValue('Mein **Auftrag**: erste Fassung.');
	await page.getByLabel('Ihr Text').fill('Zweite Fassung mit Ressourcen.');
	await submitWork(page);

	await trainer.goto('/trainer/abgaben');
	await trainer.getByRole('link', { name: learnerA.name }).click();
	await expect(trainer.getByRole('heading', { name: /Version 2 bewerten/ })).toBeVisible();
	// Accepting cannot be undone, and the choice says so before it is sent.
	await expect(trainer.getByLabel('Annehmen')).toHaveAccessibleDescription(
		/Endgültig: .* lässt sich nicht wieder öffnen\./
	);
	// "Abbrechen" on the question stores nothing.
	await trainer.getByLabel('Gesamtrückmeldung').fill('Vorschnell.');
	await trainer.getByLabel('Annehmen').check();
	await trainer.getByRole('button', { name: 'Rückmeldung senden' }).click();
	await expectNoAxeViolations(trainer);
	await trainer.getByRole('link', { name: 'Abbrechen' }).click();
	await expect(trainer.getByRole('button', { name: 'Rückmeldung senden' })).toBeVisible();
	expect(
		withDatabase((db) =>
			db
				.prepare(
					`select count(*) as n from reviews join submissions s on s.id = reviews.submission_id
					 where reviews.decision = 'accepted' and s.user_id = ?`
				)
				.get(learnerA.id)
		)
	).toEqual({ n: 0 });
	// No criterion of this rubric is marked required: accepting needs no rating.
	await review(trainer, 'Annehmen', 'Sehr gut.', false);
	await expect(trainer.getByText('Diese Abgabe ist angenommen.')).toBeVisible();

	await page.goto(PAGE);
	await expect(page.getByText('Ihre Einreichung wurde angenommen.')).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Version 2, eingereicht/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Version 1, eingereicht/ })).toBeVisible();
	await expectNoAxeViolations(page);

	const events = withDatabase(
		(db) =>
			db
				.prepare('select source from completion_events where user_id = ? and item_id = ?')
				.all(learnerA.id, ITEM) as { source: string }[]
	);
	expect(events.map((event) => event.source)).toEqual(['assignment_accepted']);
	// The whole of module 1 is now complete: the sequential course opens module 2.
	const done = withDatabase(
		(db) =>
			(
				db
					.prepare(
						"select count(distinct item_id) as n from completion_events where user_id = ? and item_id like ? and kind = 'completed'"
					)
					.get(learnerA.id, `${MODULE}/%`) as { n: number }
			).n
	);
	expect(done).toBe(4);

	// On a 360 px phone the pages fit without sideways scrolling and stay axe-clean.
	for (const [viewer, path] of [
		[page, PAGE],
		[trainer, trainer.url()],
		[trainer, '/trainer/abgaben?status=accepted']
	] as const) {
		await viewer.setViewportSize({ width: 360, height: 740 });
		await viewer.goto(path);
		expect(await viewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
		await expectNoAxeViolations(viewer);
	}
	await trainer.context().close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a learner drafts, removes a file and submits; a second reviewer gets a conflict', async ({
		page,
		browser
	}) => {
		test.slow();
		const { learnerA, trainer1 } = twoCohorts();
		await login(page, learnerA.email);
		await page.goto(PAGE);
		await page.getByLabel('Ihr Text').fill('Ohne Skript geschrieben.');
		await page
			.getByLabel('Datei hochladen')
			.setInputFiles({ name: 'falsch.pdf', mimeType: 'application/pdf', buffer: PDF });
		await page.getByRole('button', { name: 'Entwurf speichern' }).click();
		await expect(page.getByText('Ihr Entwurf wurde gespeichert.')).toBeVisible();
		await page.getByLabel('Ihr Text').fill('Ohne Skript geschrieben, dann die Datei entfernt.');
		const draftFiles = () =>
			withDatabase(
				(db) =>
					(
						db
							.prepare(
								'select count(*) as n from submission_files f join submissions s on s.id = f.submission_id where s.user_id = ?'
							)
							.get(learnerA.id) as { n: number }
					).n
			);
		// Removing asks first; the first tap already saved the text typed since.
		await page.getByRole('button', { name: 'Datei „falsch.pdf“ entfernen' }).click();
		await expect(page.locator(':focus')).toContainText(
			'Datei „falsch.pdf“ wirklich aus Ihrem Entwurf entfernen?'
		);
		await page.getByRole('link', { name: 'Abbrechen' }).click();
		await expect(page.getByLabel('Ihr Text')).toHaveValue(
			'Ohne Skript geschrieben, dann die Datei entfernt.'
		);
		expect(draftFiles()).toBe(1);
		await page.getByRole('button', { name: 'Datei „falsch.pdf“ entfernen' }).click();
		await page.getByRole('button', { name: 'Ja, Datei entfernen' }).click();
		await expect(page.getByText('Die Datei wurde entfernt.')).toBeVisible();
		expect(draftFiles()).toBe(0);
		await expect(page.getByText('Noch keine Datei hochgeladen.')).toBeVisible();
		await expect(page.getByLabel('Ihr Text')).toHaveValue(
			'Ohne Skript geschrieben, dann die Datei entfernt.'
		);
		await submitWork(page);

		const reviewer = await browser.newPage({ javaScriptEnabled: false });
		await login(reviewer, trainer1.email);
		const admin = await browser.newPage({ javaScriptEnabled: false });
		await login(admin, demo.admin);
		const submissionId = withDatabase(
			(db) =>
				(
					db.prepare('select id from submissions where user_id = ?').get(learnerA.id) as {
						id: string;
					}
				).id
		);
		await reviewer.goto(`/trainer/abgaben/${submissionId}`);
		await admin.goto(`/trainer/abgaben/${submissionId}`);

		// A review without a decision is refused, input kept (criteria may stay unrated).
		await admin.getByLabel('Gesamtrückmeldung').fill('Meine Sicht.');
		await admin.getByRole('button', { name: 'Rückmeldung senden' }).click();
		await expect(admin.getByRole('alert')).toContainText('Bitte wählen Sie eine Entscheidung.');
		await expect(admin.getByLabel('Gesamtrückmeldung')).toHaveValue('Meine Sicht.');

		await review(reviewer, 'Überarbeitung erbitten', 'Bitte ausführlicher.');
		await fillReview(admin, 'Annehmen', 'Meine Sicht.');
		await expect(admin.getByRole('alert')).toContainText(
			'Eine andere Person hat diese Version gerade bewertet.'
		);
		await expect(admin.getByLabel('Gesamtrückmeldung')).toHaveValue('Meine Sicht.');
		const decisions = withDatabase(
			(db) =>
				db.prepare('select decision from reviews where submission_id = ?').all(submissionId) as {
					decision: string;
				}[]
		);
		expect(decisions).toEqual([{ decision: 'revision_requested' }]);
		await reviewer.close();
		await admin.close();
	});
});
