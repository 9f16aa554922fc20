import { count, desc, eq, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { markdownExcerpt, renderUserMarkdown } from '../assignments/markdown';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { pageOfQuery } from '../db/paging';
import { mentoringMeetings, mentoringMessages, users } from '../db/schema';
import { notifyPair, notifyPairMessage } from './notify';
import type { PairRow } from './pairs';

/** The other person of the pair. */
const otherOf = (pair: PairRow, userId: string) =>
	pair.menteeId === userId ? pair.mentorId : pair.menteeId;

const authorColumns = {
	authorId: users.id,
	authorName: users.name,
	authorErased: sql<boolean>`${users.erasedAt} is not null`.mapWith(Boolean)
};

export const MESSAGES_PER_PAGE = 20;

/**
 * One page of the conversation as sanitised HTML: page 1 holds the newest messages (where the
 * write form is), later pages older ones; each page reads in time order. An erased account's
 * messages stay, unnamed.
 */
export function listMessages(pairId: string, requestedPage = 1) {
	const db = getDb();
	const ofPair = eq(mentoringMessages.pairId, pairId);
	const { rows, page, pages, total } = pageOfQuery(
		db.select({ n: count() }).from(mentoringMessages).where(ofPair),
		db
			.select({
				id: mentoringMessages.id,
				body: mentoringMessages.body,
				createdAt: mentoringMessages.createdAt,
				...authorColumns
			})
			.from(mentoringMessages)
			.innerJoin(users, eq(users.id, mentoringMessages.authorId))
			.where(ofPair)
			.orderBy(desc(mentoringMessages.createdAt), desc(mentoringMessages.id)),
		requestedPage,
		MESSAGES_PER_PAGE
	);
	const messages = rows
		.reverse()
		.map(({ body, ...message }) => ({ ...message, html: renderUserMarkdown(body) }));
	return { messages, page, pages, total };
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
			notifyPairMessage(
				other,
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
