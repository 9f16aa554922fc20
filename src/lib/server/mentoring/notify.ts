import { and, eq, isNull, sql } from 'drizzle-orm';
import type { MentoringEvent } from '$lib/notifications';
import { markdownExcerpt } from '../assignments/markdown';
import { decidersFor } from '../cohorts/access';
import { getDb } from '../db';
import { notifications } from '../db/schema';
import { notify } from '../notifications';
import { MATCHING_URL, pairUrl } from './links';

/**
 * Tells one person of a pair what happened. `otherName` is the person who caused it (erasing
 * their account removes notices that name them, see privacy/erase.ts).
 */
export function notifyPair(
	to: string,
	event: MentoringEvent,
	input: { pairId: string; otherName: string; key: string; excerpt?: string },
	now: Date
): void {
	notify(
		{
			userId: to,
			kind: 'mentoring_update',
			data: { mentoringEvent: event, learnerName: input.otherName, excerpt: input.excerpt },
			link: event === 'declined' ? '/mentoring' : pairUrl(input.pairId),
			dedupeKey: `mentoring:${input.key}:${to}`
		},
		now
	);
}

/** The reader's unread notices that lead to this pair (link: its page). */
const unreadOfPair = (userId: string, pairId: string) =>
	and(
		eq(notifications.userId, userId),
		eq(notifications.kind, 'mentoring_update'),
		eq(notifications.link, pairUrl(pairId)),
		isNull(notifications.readAt)
	);

/**
 * Tells the other person of a new message once per unread stretch: while their notice of an
 * earlier message is unread, it counts on and shows the newest excerpt, moved to the top of
 * their list, and no further mail goes out (or digest entry: the waiting one shows the count).
 * Opening the pair (markPairSeen) or reading the notice starts a new stretch with its own mail.
 * Call inside the message's transaction.
 */
export function notifyPairMessage(
	to: string,
	input: { pairId: string; otherName: string; key: string; excerpt?: string },
	now: Date
): void {
	const db = getDb();
	const open = db
		.select({ id: notifications.id, data: notifications.data })
		.from(notifications)
		.where(
			and(
				unreadOfPair(to, input.pairId),
				sql`json_extract(${notifications.data}, '$.mentoringEvent') = 'message'`
			)
		)
		.get();
	if (!open) {
		notifyPair(to, 'message', input, now);
		return;
	}
	db.update(notifications)
		.set({
			data: {
				...open.data,
				learnerName: input.otherName,
				excerpt: input.excerpt,
				messages: (open.data.messages ?? 1) + 1
			},
			createdAt: now
		})
		.where(eq(notifications.id, open.id))
		.run();
}

/** The person has the pair's page in front of them: its notices to them are read. */
export function markPairSeen(userId: string, pairId: string, now = new Date()): void {
	getDb().update(notifications).set({ readAt: now }).where(unreadOfPair(userId, pairId)).run();
}

/** How the deciders' notices of a request begin their dedupe keys. */
export const requestNoticeKey = (pairId: string) => `mentoring:${pairId}:requested:`;

/**
 * Tells the people who decide a new request (see listOpenRequests): the staff of the learner's
 * cohorts, or the admins when no one leads the learner's cohort (self-paced learners). The
 * wanted mentor is not told: staff decide first, and confirming tells both of the pair.
 */
export function notifyRequest(
	request: { pairId: string; mentee: { id: string; name: string }; message: string },
	now: Date
): void {
	for (const to of decidersFor(request.mentee.id)) {
		notify(
			{
				userId: to,
				kind: 'mentoring_update',
				data: {
					mentoringEvent: 'requested',
					learnerName: request.mentee.name,
					excerpt: markdownExcerpt(request.message)
				},
				link: `${MATCHING_URL}#anfrage-${request.pairId}`,
				dedupeKey: `${requestNoticeKey(request.pairId)}${to}`
			},
			now
		);
	}
}
