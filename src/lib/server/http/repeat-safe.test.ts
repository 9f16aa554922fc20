import { fail, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { person } from '$test/unit/assignment-helpers';
import { useFreshDatabase } from '$test/unit/test-database';
import type { SessionUser } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import {
	journalEntries,
	mailOutbox,
	mentoringMessages,
	mentoringPairs,
	notifications
} from '$lib/server/db/schema';
import { actions as pairActions } from '../../../routes/mentoring/[paar=id]/+page.server';
import { actions as journalActions } from '../../../routes/tagebuch/+page.server';
import { forgetEarlierSubmits, REPEAT_WINDOW_MS, repeatSafe } from './repeat-safe';

// The same form sent twice in a row (a double click, a double tap, two POSTs without
// JavaScript) saves once and notifies once; both submits get the first one's answer.

let mentee: SessionUser;
let mentor: SessionUser;
const PAIR = 'paar1';

beforeAll(async () => {
	useFreshDatabase();
	mentee = await person('mentee@x.org', 'learner');
	mentor = await person('mentor@x.org', 'learner');
	getDb()
		.insert(mentoringPairs)
		.values({ id: PAIR, menteeId: mentee.id, mentorId: mentor.id, message: 'Hallo' })
		.run();
	getDb()
		.update(mentoringPairs)
		.set({ status: 'confirmed' })
		.where(eq(mentoringPairs.id, PAIR))
		.run();
});

afterEach(() => {
	vi.useRealTimers();
});

/** A form POST as SvelteKit hands it to an action (a fresh request each time, like a browser). */
function post(user: SessionUser, path: string, fields: Record<string, string>, params = {}) {
	const url = new URL(`http://localhost${path}`);
	return {
		locals: { user, session: null },
		url,
		params,
		route: { id: null },
		getClientAddress: () => '127.0.0.1',
		request: new Request(url, { method: 'POST', body: new URLSearchParams(fields) })
	} as unknown as RequestEvent & { params: Record<string, string> };
}

/** As the server gets it: the hook sees every POST before its action runs. */
const sendMessage = (body: string, user = mentee) => {
	const event = post(user, `/mentoring/${PAIR}?/nachricht`, { body }, { paar: PAIR });
	forgetEarlierSubmits(event);
	return pairActions.nachricht!(event as never);
};

/** Where a redirecting action sends the browser (it throws the redirect). */
async function redirectOf(answer: unknown): Promise<string> {
	const thrown = await Promise.resolve(answer).then(
		() => null,
		(reason: unknown) => reason
	);
	if (!isRedirect(thrown)) throw new Error(`expected a redirect, got ${String(thrown)}`);
	return thrown.location;
}

const messagesWith = (body: string) =>
	getDb()
		.select({ id: mentoringMessages.id })
		.from(mentoringMessages)
		.where(eq(mentoringMessages.body, body))
		.all();
const count = (table: typeof notifications | typeof mailOutbox | typeof journalEntries) =>
	getDb()
		.select({ n: sql<number>`count(*)` })
		.from(table)
		.get()!.n;

describe('a repeated submit', () => {
	it('of a mentoring message saves one message, one notice and one mail; both see it', async () => {
		const notices = count(notifications);
		const first = await redirectOf(sendMessage('Bis Dienstag!'));
		const mails = count(mailOutbox);
		const second = await redirectOf(sendMessage('Bis Dienstag!'));
		expect(messagesWith('Bis Dienstag!')).toHaveLength(1);
		expect(second).toBe(first);
		expect(count(notifications)).toBe(notices + 1);
		expect(count(mailOutbox)).toBe(mails);
	});

	it('that arrives while the first is still running waits for it and gets its answer', async () => {
		const [first, second] = await Promise.all([
			redirectOf(sendMessage('Gleichzeitig')),
			redirectOf(sendMessage('Gleichzeitig'))
		]);
		expect(messagesWith('Gleichzeitig')).toHaveLength(1);
		expect(second).toBe(first);
	});

	it('of a diary entry saves one entry and answers both with the saved message', async () => {
		const before = count(journalEntries);
		const save = () =>
			journalActions.create!(post(mentee, '/tagebuch?/create', { body: 'Heute gelernt' }) as never);
		const first = await save();
		const second = await save();
		expect(count(journalEntries)).toBe(before + 1);
		expect(second).toEqual(first);
	});
});

describe('what is not a repeat', () => {
	it('a different text, or another person sending the same text, is saved', async () => {
		await redirectOf(sendMessage('Danke'));
		await redirectOf(sendMessage('Danke schön'));
		await redirectOf(sendMessage('Danke', mentor));
		expect(messagesWith('Danke')).toHaveLength(2);
		expect(messagesWith('Danke schön')).toHaveLength(1);
	});

	it('the same short text sent again after a few seconds is a new message', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		await redirectOf(sendMessage('Ok'));
		vi.setSystemTime(Date.now() + REPEAT_WINDOW_MS + 1_000);
		await redirectOf(sendMessage('Ok'));
		expect(messagesWith('Ok')).toHaveLength(2);
	});

	it('a submit after a refused one runs again (nothing is remembered of a failure)', async () => {
		let calls = 0;
		const action = repeatSafe(async (event: RequestEvent) => {
			await event.request.formData();
			calls += 1;
			return calls === 1 ? fail(400, { errors: {} }) : { saved: true };
		});
		const submit = () => action(post(mentee, '/probe?/speichern', { text: 'x' }));
		expect(await submit()).toMatchObject({ status: 400 });
		expect(await submit()).toEqual({ saved: true });
		expect(calls).toBe(2);
	});
});

describe('what ends the time in which a submit counts as a repeat', () => {
	it('a submit to another action in between, even one without the guard', async () => {
		await redirectOf(sendMessage('Ich bin dabei.'));
		forgetEarlierSubmits(post(mentee, `/mentoring/${PAIR}?/beenden`, {}, { paar: PAIR }));
		await redirectOf(sendMessage('Ich bin dabei.'));
		expect(messagesWith('Ich bin dabei.')).toHaveLength(2);
	});

	it('other fields sent to the same action in between', async () => {
		await redirectOf(sendMessage('Ja'));
		await redirectOf(sendMessage('Nein'));
		await redirectOf(sendMessage('Ja'));
		expect(messagesWith('Ja')).toHaveLength(2);
	});

	it("but not another person's submit, nor a submit still being answered", async () => {
		await redirectOf(sendMessage('Gern'));
		await redirectOf(sendMessage('Auch gern', mentor));
		await redirectOf(sendMessage('Gern'));
		expect(messagesWith('Gern')).toHaveLength(1);

		const [first, second] = await Promise.all([
			redirectOf(sendMessage('Zweimal getippt')),
			redirectOf(sendMessage('Zweimal getippt'))
		]);
		expect(second).toBe(first);
		expect(messagesWith('Zweimal getippt')).toHaveLength(1);
	});
});
