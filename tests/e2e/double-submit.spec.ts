import type { Page } from '@playwright/test';
import { createUser, randomId, withDatabase } from './support/database';
import { expect, login, phonePageFor, postForm, test } from './support/fixtures';

// A double tap on a phone sent a mentoring message and a diary entry twice (and mailed the other
// person twice). With JavaScript the page ignores the second submit; without it, the server
// answers the repeated POST like the first one and saves nothing more.

test.use({ viewport: { width: 360, height: 780 } });

/** A confirmed mentoring pair of two new learners (the request and confirmation are tested in mentoring.spec.ts). */
function confirmedPair() {
	const mentee = createUser('learner', 'Dana Doppel');
	const mentor = createUser('learner', 'Mats Mentor');
	const pairId = randomId();
	withDatabase((db) =>
		db
			.prepare(
				`insert into mentoring_pairs (id, mentee_id, mentor_id, message, status)
				 values (?, ?, ?, 'Hallo', 'confirmed')`
			)
			.run(pairId, mentee.id, mentor.id)
	);
	return { mentee, mentor, pairId };
}

const countRows = (sql: string, ...args: string[]) =>
	withDatabase((db) => (db.prepare(sql).get(...args) as { n: number }).n);
const messagesOf = (pairId: string) =>
	countRows('select count(*) as n from mentoring_messages where pair_id = ?', pairId);
const noticesFor = (userId: string) =>
	countRows('select count(*) as n from notifications where user_id = ?', userId);
const entriesOf = (userId: string) =>
	countRows('select count(*) as n from journal_entries where user_id = ?', userId);

/** The POSTs the page sends to a form action (`?/name`). */
function countPosts(page: Page, action: string) {
	const posts: string[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST' && request.url().includes(`?/${action}`)) {
			posts.push(request.url());
		}
	});
	return posts;
}

test('a double tap on "Nachricht senden" sends one message and one notice', async ({ browser }) => {
	const { mentee, mentor, pairId } = confirmedPair();
	const page = await phonePageFor(browser, mentee.email);
	await page.goto(`/mentoring/${pairId}`);
	const posts = countPosts(page, 'nachricht');
	await page.getByLabel('Ihre Nachricht').fill('Bis Dienstag um zehn!');
	await page.getByRole('button', { name: 'Nachricht senden' }).dblclick();
	const sent = page.getByRole('article', { name: 'Nachricht von Dana Doppel' });
	await expect(sent).toContainText('Bis Dienstag um zehn!');
	await expect(page.getByLabel('Ihre Nachricht')).toHaveValue('');
	await expect(page.getByRole('button', { name: 'Nachricht senden' })).not.toHaveAttribute(
		'aria-disabled'
	);
	expect(posts).toHaveLength(1);
	await expect(sent).toHaveCount(1);
	expect(messagesOf(pairId)).toBe(1);
	expect(noticesFor(mentor.id)).toBe(1);
});

test('a double click on "Eintrag speichern" saves one diary entry', async ({ page }) => {
	const learner = createUser('learner', 'Tia Tagebuch');
	await login(page, learner.email);
	await page.goto('/tagebuch');
	const posts = countPosts(page, 'create');
	await page.getByLabel('Ihr Eintrag').fill('Heute zweimal getippt.');
	await page.getByRole('button', { name: 'Eintrag speichern' }).dblclick();
	await expect(page.getByRole('status')).toContainText('Ihr Eintrag ist gespeichert.');
	await expect(page.getByRole('heading', { name: '1 Eintrag' })).toBeVisible();
	expect(posts).toHaveLength(1);
	expect(entriesOf(learner.id)).toBe(1);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same form posted twice at once saves one message and one diary entry', async ({
		page
	}) => {
		const { mentee, mentor, pairId } = confirmedPair();
		await login(page, mentee.email);
		const send = () =>
			postForm(page, `/mentoring/${pairId}?/nachricht`, { body: 'Danke' }, { maxRedirects: 0 });
		const [first, second] = await Promise.all([send(), send()]);
		expect([first.status, second.status]).toEqual([303, 303]);
		expect(second.response.headers().location).toBe(first.response.headers().location);
		expect(messagesOf(pairId)).toBe(1);
		expect(noticesFor(mentor.id)).toBe(1);
		// Sent again right away it is still the same message.
		expect((await send()).response.headers().location).toBe(first.response.headers().location);
		expect(messagesOf(pairId)).toBe(1);

		const save = () => postForm(page, '/tagebuch?/create', { body: 'Ohne Skript', itemId: '' });
		const saves = await Promise.all([save(), save()]);
		for (const answer of saves) {
			expect(answer.status).toBe(200);
			expect(answer.text).toContain('Ihr Eintrag ist gespeichert.');
		}
		expect(entriesOf(mentee.id)).toBe(1);

		// After another submit in between, the same text is a new message, as is a different text.
		expect((await send()).response.headers().location).not.toBe(first.response.headers().location);
		expect(messagesOf(pairId)).toBe(2);
		expect(
			(await postForm(page, `/mentoring/${pairId}?/nachricht`, { body: 'Danke!' })).status
		).toBe(200);
		expect(messagesOf(pairId)).toBe(3);
	});
});
