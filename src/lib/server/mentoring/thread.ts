import { asc, desc, eq, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { markdownExcerpt, renderUserMarkdown } from '../assignments/markdown';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { mentoringMeetings, mentoringMessages, users } from '../db/schema';
import { notifyPair } from './notify';
import type { PairRow } from './pairs';

/** The other person of the pair. */
const otherOf = (pair: PairRow, userId: string) =>
	pair.menteeId === userId ? pair.mentorId : pair.menteeId;

const authorColumns = {
	authorId: users.id,
	authorName: users.name,
	authorErased: sql<boolean>`${users.erasedAt} is not null`.mapWith(Boolean)
};

/** Messages in time order, as sanitised HTML; an erased account's messages stay, unnamed. */
export function listMessages(pairId: string) {
	return getDb()
		.select({
			id: mentoringMessages.id,
			body: mentoringMessages.body,
			createdAt: mentoringMessages.createdAt,
			...authorColumns
		})
		.from(mentoringMessages)
		.innerJoin(users, eq(users.id, mentoringMessages.authorId))
		.where(eq(mentoringMessages.pairId, pairId))
		.orderBy(asc(mentoringMessages.createdAt), asc(mentoringMessages.id))
		.all()
		.map(({ body, ...message }) => ({ ...message, html: renderUserMarkdown(body) }));
}

export function listMeetings(pairId: string) {
	return getDb()
		.select({
			id: mentoringMeetings.id,
			metOn: mentoringMeetings.metOn,
			topic: mentoringMeetings.topic,
			note: mentoringMeetings.note,
			...authorColumns
		})
		.from(mentoringMeetings)
		.innerJoin(users, eq(users.id, mentoringMeetings.authorId))
		.where(eq(mentoringMeetings.pairId, pairId))
		.orderBy(desc(mentoringMeetings.metOn), desc(mentoringMeetings.createdAt))
		.all();
}

/** Only a confirmed pair takes new messages and meetings; an ended one is read-only. */
export function addPairMessage(
	author: SessionUser,
	pair: PairRow,
	body: string,
	now = new Date()
): string | null {
	if (pair.status !== 'confirmed') return null;
	const id = generateId();
	getDb().transaction((tx) => {
		tx.insert(mentoringMessages)
			.values({ id, pairId: pair.id, authorId: author.id, body, createdAt: now })
			.run();
		const other = otherOf(pair, author.id);
		if (other) {
			notifyPair(
				other,
				'message',
				{ pairId: pair.id, otherName: author.name, key: id, excerpt: markdownExcerpt(body) },
				now
			);
		}
	});
	return id;
}

export interface MeetingInput {
	metOn: string;
	topic: string;
	note: string;
}

export function addMeeting(
	author: SessionUser,
	pair: PairRow,
	input: MeetingInput,
	now = new Date()
): string | null {
	if (pair.status !== 'confirmed') return null;
	const id = generateId();
	getDb().transaction((tx) => {
		tx.insert(mentoringMeetings)
			.values({ id, pairId: pair.id, authorId: author.id, ...input, createdAt: now })
			.run();
		const other = otherOf(pair, author.id);
		if (other) {
			notifyPair(
				other,
				'meeting',
				{ pairId: pair.id, otherName: author.name, key: id, excerpt: input.topic },
				now
			);
		}
	});
	return id;
}
