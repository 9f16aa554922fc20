import { createUser, grantCertificate, randomId, withDatabase } from './support/database';
import { expect, expectNoAxeViolations, login, phonePageFor, test } from './support/fixtures';

// A long mentoring conversation on a 360 px phone: the newest messages and the write form come
// first, older ones a page at a time (also without JavaScript), and a run of messages is one
// notice for the person who has not read them yet.

test.use({ viewport: { width: 360, height: 780 } });

/** A confirmed pair with `count` messages, the mentor and the mentee writing in turn. */
function confirmedPair(mentor: { id: string }, mentee: { id: string }, count: number) {
	const pairId = randomId();
	const start = Date.now() - count * 60_000;
	withDatabase((db) => {
		const offerId = randomId();
		db.prepare(
			`insert into mentor_offers (id, user_id, topics, languages, capacity, updated_at)
			 values (?, ?, '["Wohnen"]', '["Deutsch"]', 2, ?)`
		).run(offerId, mentor.id, start);
		db.prepare(
			`insert into mentoring_pairs (id, mentee_id, offer_id, mentor_id, message, status, created_at)
			 values (?, ?, ?, ?, ?, 'confirmed', ?)`
		).run(pairId, mentee.id, offerId, mentor.id, 'Ich suche eine Wohnung in Berlin.', start);
		const insert = db.prepare(
			'insert into mentoring_messages (id, pair_id, author_id, body, created_at) values (?, ?, ?, ?, ?)'
		);
		for (let i = 1; i <= count; i++) {
			const author = i % 2 ? mentee.id : mentor.id;
			insert.run(randomId(), pairId, author, `Nachricht Nummer ${i}`, start + i * 60_000);
		}
	});
	return `/mentoring/${pairId}`;
}

test('a long conversation is paged, newest first, and notifies once until read', async ({
	page,
	browser
}) => {
	const mentor = createUser('learner', 'Mia Mentorin');
	const mentee = createUser('learner', 'Leo Lernend');
	grantCertificate(mentor.id, 'probe-ikbo');
	const pairPath = confirmedPair(mentor, mentee, 45);

	await login(page, mentee.email);
	await page.goto(pairPath);
	const messages = page.getByRole('article', { name: /Nachricht von/ });
	await expect(messages).toHaveCount(20);
	await expect(page.getByText('Nachrichten 26 bis 45 von 45')).toBeVisible();
	await expect(messages.last()).toContainText('Nachricht Nummer 45');
	// The write form follows the newest message, and the top of the list leads to it.
	await page.getByRole('link', { name: 'Zur neuesten Nachricht und zum Schreiben' }).click();
	await expect(page.getByLabel('Ihre Nachricht')).toBeInViewport();
	await expectNoAxeViolations(page);

	await page.getByLabel('Ihre Nachricht').fill('Hallo Mia, noch eine Frage.');
	await page.getByRole('button', { name: 'Nachricht senden' }).click();
	await expect(messages.last()).toContainText('noch eine Frage');
	await page.getByLabel('Ihre Nachricht').fill('Und noch eine zweite.');
	await page.getByRole('button', { name: 'Nachricht senden' }).click();
	await expect(messages.last()).toContainText('noch eine zweite');

	// The mentor, without JavaScript: two messages, one notice.
	const mentorPage = await phonePageFor(browser, mentor.email, { javaScriptEnabled: false });
	await mentorPage.goto('/benachrichtigungen');
	const notice = mentorPage.getByRole('link', { name: /Leo Lernend hat Ihnen im Mentoring/ });
	await expect(notice).toHaveCount(1);
	await expect(notice).toHaveText('Leo Lernend hat Ihnen im Mentoring 2 Nachrichten geschrieben.');
	await notice.click();
	await expect(mentorPage.getByRole('region', { name: 'Die Anfrage' })).toContainText(
		'Ich suche eine Wohnung in Berlin.'
	);
	const older = mentorPage.getByRole('link', { name: 'Ältere Nachrichten anzeigen' });
	await older.click();
	await expect(mentorPage.getByText('Nachrichten 8 bis 27 von 47')).toBeVisible();
	await older.click();
	const oldest = mentorPage.getByRole('article', { name: /Nachricht von/ });
	await expect(oldest).toHaveCount(7);
	await expect(oldest.first()).toContainText('Nachricht Nummer 1');
	await expect(older).toHaveCount(0);
	await expect(mentorPage.getByLabel('Ihre Nachricht')).toHaveCount(0);
	await mentorPage.getByRole('link', { name: 'Neuere Nachrichten anzeigen' }).click();
	await expect(mentorPage.getByText('Nachrichten 8 bis 27 von 47')).toBeVisible();
	await mentorPage.getByRole('link', { name: 'Zur neuesten Nachricht und zum Schreiben' }).click();
	await expect(mentorPage.getByLabel('Ihre Nachricht')).toBeVisible();

	// An older page, scanned where scripts run (axe needs them).
	await page.goto(`${pairPath}?seite=2`);
	await expect(page.getByRole('link', { name: 'Neuere Nachrichten anzeigen' })).toBeVisible();
	await expectNoAxeViolations(page);

	// Having read the pair, the notice is read.
	await mentorPage.goto('/benachrichtigungen');
	await expect(mentorPage.getByRole('listitem').filter({ has: notice })).not.toContainText(
		'ungelesen'
	);
});
