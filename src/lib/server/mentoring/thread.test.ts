import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { COURSE, twoCohorts } from '$test/unit/assignment-helpers';
import { useTemporaryKeyDir } from '$test/unit/certificates';
import type { SessionUser } from '../auth/session';
import { issueCertificate } from '../certificates/issue';
import { getDb, schema } from '../db';
import { describeNotification } from '../notifications';
import {
	addPairMessage,
	confirmPairing,
	getPairFor,
	listMessages,
	listOffers,
	markPairSeen,
	MESSAGES_PER_PAGE,
	requestMentor,
	saveOffer,
	type PairRow
} from '.';

// A long conversation: read a page at a time, and told of once per unread stretch.

let people: Awaited<ReturnType<typeof twoCohorts>>;
let pair: PairRow;

const messageNotices = (userId: string) =>
	getDb()
		.select({ data: schema.notifications.data, readAt: schema.notifications.readAt })
		.from(schema.notifications)
		.where(
			and(
				eq(schema.notifications.userId, userId),
				eq(schema.notifications.kind, 'mentoring_update')
			)
		)
		.all()
		.filter((notice) => notice.data.mentoringEvent === 'message');
const messageMails = (userId: string) =>
	getDb()
		.select({ id: schema.mailOutbox.id })
		.from(schema.mailOutbox)
		.where(
			and(
				eq(schema.mailOutbox.userId, userId),
				like(schema.mailOutbox.subject, '%im Mentoring geschrieben%')
			)
		)
		.all();

let clock = Date.parse('2026-11-02T09:00:00Z');
const write = (author: SessionUser, body: string) => {
	clock += 60_000;
	return addPairMessage(author, pair, body, new Date(clock));
};

beforeAll(async () => {
	people = await twoCohorts();
	useTemporaryKeyDir();
	const { learnerA, learnerB, trainer1 } = people;
	issueCertificate(learnerB.id, COURSE);
	saveOffer(learnerB.id, {
		topics: ['Wohnen'],
		languages: ['Deutsch'],
		capacity: 1,
		paused: false
	});
	const request = requestMentor(learnerA, listOffers(learnerA.id).offers[0]!.id, 'Hilfe, bitte!');
	const pairId = request.ok ? request.pairId : '';
	confirmPairing(trainer1, pairId, null);
	pair = getPairFor(learnerA, pairId)!;
});

describe('notices of pair messages', () => {
	it('tells the other person once while they have not read the pair: one notice, one mail', () => {
		const { learnerA, learnerB } = people;
		write(learnerA, 'Erste Nachricht');
		write(learnerA, 'Zweite Nachricht');
		write(learnerA, 'Dritte Nachricht');
		const notices = messageNotices(learnerB.id);
		expect(notices).toHaveLength(1);
		expect(notices[0]!.data).toMatchObject({ messages: 3, excerpt: 'Dritte Nachricht' });
		expect(messageMails(learnerB.id)).toHaveLength(1);
		expect(describeNotification({ kind: 'mentoring_update', data: notices[0]!.data }, 'de')).toBe(
			'a hat Ihnen im Mentoring 3 Nachrichten geschrieben.'
		);
		// The writer is not told of their own messages.
		expect(messageNotices(learnerA.id)).toEqual([]);
	});

	it('tells them again, by mail too, once they have opened the pair', () => {
		const { learnerA, learnerB } = people;
		markPairSeen(learnerB.id, pair.id);
		expect(messageNotices(learnerB.id).every((notice) => notice.readAt)).toBe(true);
		write(learnerA, 'Vierte Nachricht');
		const unread = messageNotices(learnerB.id).filter((notice) => !notice.readAt);
		expect(unread.map(({ data }) => [data.messages ?? 1, data.excerpt])).toEqual([
			[1, 'Vierte Nachricht']
		]);
		expect(messageMails(learnerB.id)).toHaveLength(2);
		// Opening someone else's pair reads nothing.
		markPairSeen(learnerA.id, pair.id);
		expect(messageNotices(learnerB.id).filter((notice) => !notice.readAt)).toHaveLength(1);
	});
});

describe('the conversation, page by page', () => {
	it('shows the newest messages first page, each page in time order', () => {
		const { learnerB } = people;
		for (let i = 5; i <= 45; i++) write(learnerB, `Nachricht ${i}`);
		const newest = listMessages(pair.id);
		expect(newest).toMatchObject({ page: 1, pages: 3, total: 45 });
		expect(newest.messages).toHaveLength(MESSAGES_PER_PAGE);
		expect(newest.messages[0]!.html).toContain('Nachricht 26');
		expect(newest.messages.at(-1)!.html).toContain('Nachricht 45');
		const oldest = listMessages(pair.id, 3);
		expect(oldest.messages.map((message) => message.html)).toEqual([
			'<p>Erste Nachricht</p>',
			'<p>Zweite Nachricht</p>',
			'<p>Dritte Nachricht</p>',
			'<p>Vierte Nachricht</p>',
			'<p>Nachricht 5</p>'
		]);
		// A page past the end shows the oldest.
		expect(listMessages(pair.id, 99).page).toBe(3);
	});
});
