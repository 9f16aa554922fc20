import { and, count, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { NotificationMailKind } from '$lib/mail';
import type { NotificationData } from '$lib/notifications';

import { getDb } from '../db';
import { preparedQuery } from '../db/prepared';
import { notifications } from '../db/schema';
import { generateId } from '../crypto/tokens';
import { mailNotification } from './mail';
import { pageOfQuery } from '../db/paging';

export type NotificationKind = (typeof notifications.$inferSelect)['kind'];

export interface NewNotification {
	userId: string;
	/** Every kind notify() creates has a mail; login_locked has its own function. */
	kind: NotificationMailKind;
	data: NotificationData;
	link: string;
	/** Same key twice creates one notification (e.g. one reminder per learner, item and date). */
	dedupeKey?: string;
}

export interface NotificationEntry {
	id: string;
	kind: NotificationKind;
	data: NotificationData;
	link: string;
	createdAt: Date;
	readAt: Date | null;
}

export const NOTIFICATIONS_PER_PAGE = 20;

/**
 * Creates the notification and, as the recipient's preference says, its mail or digest entry,
 * in one transaction (joining the caller's when called inside one). Returns false when a
 * notification with the same dedupe key already exists.
 */
export function notify(input: NewNotification, now = new Date()): boolean {
	return getDb().transaction((tx) => {
		const id = generateId();
		const result = tx
			.insert(notifications)
			.values({ id, ...input, dedupeKey: input.dedupeKey ?? null, createdAt: now })
			.onConflictDoNothing({ target: notifications.dedupeKey })
			.run();
		if (result.changes === 0) return false;
		mailNotification({ id, ...input }, tx, now);
		return true;
	});
}

/**
 * Something taken back before the people told of it read about it (a Hospitation application or
 * a mentoring request withdrawn, a post deleted): its unread notices go, with their place in a
 * daily digest, so that no badge and no digest points to what no longer exists or quotes what its
 * author took back. Notices already read stay, as sent mails do. `keyPrefixes`: the beginnings of
 * the notices' dedupe keys (`mention:<post>:`).
 */
export function retractUnreadNotices(...keyPrefixes: string[]): number {
	let retracted = 0;
	for (const prefix of keyPrefixes) {
		retracted += getDb()
			.delete(notifications)
			.where(
				and(
					gte(notifications.dedupeKey, prefix),
					lt(notifications.dedupeKey, `${prefix}\uffff`),
					isNull(notifications.readAt)
				)
			)
			.run().changes;
	}
	return retracted;
}

/**
 * Tells the owner that their account was locked after failed logins: one unread notice that
 * counts on, rather than one per refused attempt.
 */
export function notifyAccountLocked(userId: string, now = new Date()): void {
	const db = getDb();
	db.transaction(
		(tx) => {
			const mine = and(
				eq(notifications.userId, userId),
				eq(notifications.kind, 'login_locked'),
				isNull(notifications.readAt)
			);
			const open = tx
				.select({ id: notifications.id, data: notifications.data })
				.from(notifications)
				.where(mine)
				.get();
			const attempts = (open?.data.attempts ?? 0) + 1;
			const data: NotificationData = { attempts, lastAt: now.toISOString() };
			if (open) {
				tx.update(notifications).set({ data }).where(eq(notifications.id, open.id)).run();
			} else {
				tx.insert(notifications)
					.values({
						id: generateId(),
						userId,
						kind: 'login_locked',
						data,
						link: '/konto',
						createdAt: now
					})
					.run();
			}
		},
		{ behavior: 'immediate' }
	);
}

const unreadCount = preparedQuery((db) =>
	db
		.select({ n: count() })
		.from(notifications)
		.where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
		.prepare()
);

export function countUnread(userId: string): number {
	return unreadCount().get({ userId })?.n ?? 0;
}

export function listNotifications(userId: string, requestedPage: number) {
	const db = getDb();
	const own = eq(notifications.userId, userId);
	return pageOfQuery<NotificationEntry>(
		db.select({ n: count() }).from(notifications).where(own),
		db
			.select({
				id: notifications.id,
				kind: notifications.kind,
				data: notifications.data,
				link: notifications.link,
				createdAt: notifications.createdAt,
				readAt: notifications.readAt
			})
			.from(notifications)
			.where(own)
			.orderBy(desc(notifications.createdAt), desc(notifications.id)),
		requestedPage,
		NOTIFICATIONS_PER_PAGE
	);
}

/** Only the owner's notifications change; returns false for someone else's ID. */
export function markRead(userId: string, id: string, now = new Date()): boolean {
	const result = getDb()
		.update(notifications)
		.set({ readAt: now })
		.where(
			and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt))
		)
		.run();
	return result.changes > 0;
}

export function markAllRead(userId: string, now = new Date()): number {
	return getDb()
		.update(notifications)
		.set({ readAt: now })
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
		.run().changes;
}
export { describeNotification } from './describe';
