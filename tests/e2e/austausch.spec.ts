import { createCohort, createUser } from './support/database';
import { expect, expectNoAxeViolations, login, phonePageFor, test } from './support/fixtures';

// The Austausch of a cohort on a 360 px phone: a question from a lesson, a reply from another
// learner, the unread marker and notification, a report, and a trainer hiding the reply.

const COURSE = 'probe-ikbo';
const LESSON = `/kurse/${COURSE}/rolle-und-auftrag/idee-und-rolle`;

test.use({ viewport: { width: 360, height: 780 } });

test('a thread from a lesson, a reply, unread marker, notification, report and hiding', async ({
	page,
	browser
}) => {
	const asker = createUser('learner', 'Aylin Fragend');
	const helper = createUser('learner', 'Bruno Antwort');
	const trainer = createUser('trainer', 'Tara Moderation');
	const cohortId = createCohort(COURSE, trainer.id, [asker.id, helper.id]);
	const board = `/austausch/${cohortId}`;

	await login(page, asker.email);
	await page.goto(`/kurse/${COURSE}`);
	await expect(page.getByRole('link', { name: 'Austausch im Lehrgang' })).toHaveAttribute(
		'href',
		board
	);
	// Praxisaufgaben link to the cohort's threads about them, also while their module is locked.
	for (const assignment of [
		'rolle-und-auftrag/praxisaufgabe-auftragsgespraech',
		'diskriminierung-und-machtkritik/praxisaufgabe-beobachtung'
	]) {
		await page.goto(`/aufgaben/${COURSE}/${assignment}`);
		await expect(
			page.getByRole('link', { name: 'Fragen zu dieser Aufgabe im Austausch' })
		).toHaveAttribute(
			'href',
			`${board}?${new URLSearchParams({ eintrag: `${COURSE}/${assignment}` })}`
		);
	}
	await page.goto(LESSON);
	await page.getByRole('link', { name: 'Fragen zu dieser Lektion im Austausch' }).click();
	await expect(page.getByText('Zu dieser Auswahl gibt es noch keine Themen.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: /^Neues Thema zu „/ }).click();
	await expect(page.getByLabel('Bezug (Lektion oder Praxisaufgabe)')).toHaveValue(
		`${COURSE}/rolle-und-auftrag/idee-und-rolle`
	);
	await page.getByRole('button', { name: 'Thema eröffnen' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Bitte geben Sie einen Titel');
	await expectNoAxeViolations(page);
	await page.getByLabel('Titel').fill('Wie stelle ich mich im Amt vor?');
	await page.getByLabel('Ihr Beitrag').fill('Ich bin unsicher, was ich **zuerst** sage.');
	await page.getByRole('button', { name: 'Thema eröffnen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Wie stelle ich mich im Amt vor?'
	);
	await expect(page.locator('strong', { hasText: 'zuerst' })).toBeVisible();
	const threadUrl = page.url();

	const helperPage = await phonePageFor(browser, helper.email);
	await helperPage.goto(board);
	await helperPage.getByRole('link', { name: /Wie stelle ich mich im Amt vor\?/ }).click();
	await helperPage
		.getByLabel('Ihr Beitrag')
		.fill('Erst den Namen, dann den Auftrag, @[Aylin Fragend]. Kauft bei mir!');
	await helperPage.getByRole('button', { name: 'Antwort senden' }).click();
	const sent = helperPage.getByRole('article', { name: 'Beitrag von Bruno Antwort' });
	await expect(sent).toBeVisible();
	// The box is empty again and the focus is on the new post: a second click posts nothing twice.
	await expect(sent).toBeFocused();
	await expect(helperPage.getByLabel('Ihr Beitrag')).toHaveValue('');
	await expectNoAxeViolations(helperPage);

	await page.goto(board);
	const listed = page.getByRole('listitem').filter({ hasText: 'Wie stelle ich mich im Amt vor?' });
	await expect(listed).toContainText('Neu');
	await expect(listed).toContainText('1 Antwort');
	await page.goto('/benachrichtigungen');
	// Mentioned by name: the mention notice, not a second one about the reply.
	await expect(
		page.getByText('Bruno Antwort hat Sie im Thema „Wie stelle ich mich im Amt vor?“ erwähnt')
	).toBeVisible();

	await page.goto(threadUrl);
	const reply = page.getByRole('article', { name: 'Beitrag von Bruno Antwort' });
	await expect(reply.locator('strong.mention')).toHaveText('@Aylin Fragend');
	await reply.getByRole('link', { name: /Melden/ }).click();
	await page.getByLabel('Was ist das Problem?').fill('Werbung im Beitrag');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Meldung senden' }).click();
	await expect(page.getByRole('status')).toContainText('Die Trainer*innen sehen Ihre Meldung.');
	await page.goto(board);
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Wie stelle ich mich im Amt vor?' })
	).not.toContainText('Neu');

	const trainerPage = await phonePageFor(browser, trainer.email);
	await trainerPage.goto(`/trainer/lehrgaenge/${cohortId}`);
	await trainerPage.getByRole('link', { name: 'Austausch des Lehrgangs' }).click();
	await trainerPage.getByRole('link', { name: '1 offene Meldung' }).click();
	await expect(trainerPage.getByText('Grund: Werbung im Beitrag')).toBeVisible();
	await expectNoAxeViolations(trainerPage);
	await trainerPage.getByRole('link', { name: 'Beitrag ansehen' }).click();
	const reported = trainerPage.getByRole('article', { name: 'Beitrag von Bruno Antwort' });
	await reported.getByRole('link', { name: /Ausblenden/ }).click();
	await trainerPage
		.getByLabel('Grund (sieht nur, wer den Beitrag geschrieben hat)')
		.fill('Bitte keine Werbung.');
	await expectNoAxeViolations(trainerPage);
	await trainerPage.getByRole('button', { name: 'Ausblenden' }).click();
	await expect(trainerPage.getByRole('status')).toContainText('Der Beitrag ist ausgeblendet.');
	await trainerPage.goto(`${board}/meldungen`);
	await expect(trainerPage.getByText('Es gibt keine offenen Meldungen.')).toBeVisible();

	await helperPage.goto(threadUrl);
	await expect(
		helperPage.getByRole('article', { name: 'Beitrag von Bruno Antwort' })
	).toContainText('Grund: Bitte keine Werbung.');
	await page.goto(threadUrl);
	const hidden = page.getByRole('article', { name: 'Beitrag von Bruno Antwort' });
	await expect(hidden).toContainText('Dieser Beitrag wurde ausgeblendet.');
	await expect(hidden).not.toContainText('Kauft bei mir');

	// Outside the cohort: a 404, not the thread.
	const outsider = createUser('learner', 'Olga Außen');
	const outsiderPage = await phonePageFor(browser, outsider.email);
	const response = await outsiderPage.goto(threadUrl);
	expect(response?.status()).toBe(404);
	const search = await outsiderPage.goto(`${board}?suche=Amt`);
	expect(search?.status()).toBe(404);
});

test('a reply and a search without JavaScript: the text kept on an error, the hit found', async ({
	browser
}) => {
	const learner = createUser('learner', 'Nora Ohne-Skript');
	const trainer = createUser('trainer', 'Timo Trainer');
	const cohortId = createCohort(COURSE, trainer.id, [learner.id]);
	const page = await phonePageFor(browser, learner.email, { javaScriptEnabled: false });
	await page.goto(`/austausch/${cohortId}/neu`);
	await page.getByLabel('Ihr Beitrag').fill('Mein Text bleibt erhalten.');
	await page.getByRole('button', { name: 'Thema eröffnen' }).click();
	await expect(page.getByText('Bitte geben Sie einen Titel')).toHaveCount(2);
	await expect(page.getByLabel('Ihr Beitrag')).toHaveValue('Mein Text bleibt erhalten.');
	await page.getByLabel('Titel').fill('Ohne JavaScript');
	await page.getByRole('button', { name: 'Thema eröffnen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ohne JavaScript');
	await page.getByLabel('Ihr Beitrag').fill('Eine Antwort ohne Skript.');
	await page.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(page.getByRole('article', { name: 'Beitrag von Nora Ohne-Skript' })).toHaveCount(2);
	await expect(page.getByText('Eine Antwort ohne Skript.')).toBeVisible();
	const threadUrl = page.url().split('#')[0]!;

	// The author edits the reply and deletes the answered opening post: a placeholder stays.
	const mine = page.getByRole('article', { name: 'Beitrag von Nora Ohne-Skript' });
	await mine
		.nth(1)
		.getByRole('link', { name: /Bearbeiten/ })
		.click();
	const editor = mine.nth(1).getByLabel('Ihr Beitrag');
	await expect(editor).toHaveValue('Eine Antwort ohne Skript.');
	await editor.fill('Eine korrigierte Antwort ohne Skript.');
	await mine.nth(1).getByRole('button', { name: 'Änderung speichern' }).click();
	await expect(mine.nth(1)).toContainText('bearbeitet am');
	await mine
		.nth(0)
		.getByRole('link', { name: /Löschen/ })
		.click();
	await expect(mine.nth(0)).toContainText('Beitrag löschen?');
	await mine.nth(0).getByRole('button', { name: 'Löschen' }).click();
	await expect(page.getByRole('status')).toContainText('Ihr Beitrag ist gelöscht.');
	await expect(mine.nth(0)).toContainText('Beitrag gelöscht');
	await expect(mine.nth(0)).not.toContainText('Mein Text bleibt erhalten.');

	// The search, still without JavaScript: a GET form on the list.
	await page.goto(`/austausch/${cohortId}`);
	const searchField = page.getByLabel('Beiträge durchsuchen');
	await searchField.fill('x');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await expect(page.getByText('Bitte geben Sie mindestens 2 Zeichen ein.')).toBeVisible();
	await searchField.fill('Nashorn');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await expect(page.getByText('Keine Beiträge zu „Nashorn“ gefunden.')).toBeVisible();
	await searchField.fill('ANTWORT OHNE');
	await page.getByRole('button', { name: 'Suchen' }).click();
	const hit = page.getByRole('listitem').filter({ hasText: 'Ohne JavaScript' });
	await expect(hit).toContainText('Eine korrigierte Antwort ohne Skript.');
	const resultsUrl = page.url();
	await hit.getByRole('link', { name: 'Ohne JavaScript' }).click();
	await expect(page).toHaveURL(/#beitrag-/);
	expect(page.url().startsWith(threadUrl)).toBe(true);
	await page.goto(resultsUrl);
	await page.getByRole('link', { name: 'Zurück zu allen Themen' }).first().click();
	await expect(page.getByRole('heading', { name: '1 Thema' })).toBeVisible();

	const withScript = await phonePageFor(browser, learner.email);
	await withScript.goto(resultsUrl);
	await expect(
		withScript.getByRole('heading', { name: /^Suchergebnisse zu „ANTWORT OHNE“/ })
	).toBeVisible();
	await expectNoAxeViolations(withScript);
	await withScript.goto(threadUrl);
	await withScript.getByRole('link', { name: /Bearbeiten/ }).click();
	await expect(withScript.getByRole('button', { name: 'Änderung speichern' })).toBeVisible();
	await expectNoAxeViolations(withScript);
});
