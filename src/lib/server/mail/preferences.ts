import { and, eq, inArray } from 'drizzle-orm';
import {
	defaultFrequency,
	notificationMailKinds,
	unsubscribeTopics,
	type MailFrequency,
	type NotificationMailKind,
	type UnsubscribeTopic
} from '$lib/mail';
import { getDb } from '../db';
import { mailDigestEntries, mailPreferences } from '../db/schema';
import { findByUnsubscribeToken } from './recipients';

export type MailPreferences = Record<NotificationMailKind, MailFrequency>;

type Reader = Pick<ReturnType<typeof getDb>, 'select'>;

export function getMailPreferences(userId: string, db: Reader = getDb()): MailPreferences {
	const chosen = db
		.select({ kind: mailPreferences.kind, frequency: mailPreferences.frequency })
		.from(mailPreferences)
		.where(eq(mailPreferences.userId, userId))
		.all();
	const result = { ...defaultFrequency };
	for (const row of chosen) result[row.kind] = row.frequency;
	return result;
}

export function frequencyFor(
	userId: string,
	kind: NotificationMailKind,
	db: Reader = getDb()
): MailFrequency {
	const row = db
		.select({ frequency: mailPreferences.frequency })
		.from(mailPreferences)
		.where(and(eq(mailPreferences.userId, userId), eq(mailPreferences.kind, kind)))
		.get();
	return row?.frequency ?? defaultFrequency[kind];
}

/**
 * Saves the choices. Notifications already waiting for a digest of a kind that is no longer
 * "daily" are dropped from it: "nie" means no more mail about them.
 */
export function setMailPreferences(
	userId: string,
	preferences: Partial<MailPreferences>,
	now = new Date()
): void {
	const db = getDb();
	db.transaction((tx) => {
		for (const kind of notificationMailKinds) {
			const frequency = preferences[kind];
			if (!frequency) continue;
			tx.insert(mailPreferences)
				.values({ userId, kind, frequency, updatedAt: now })
				.onConflictDoUpdate({
					target: [mailPreferences.userId, mailPreferences.kind],
					set: { frequency, updatedAt: now }
				})
				.run();
		}
		const notDaily = notificationMailKinds.filter(
			(kind) => preferences[kind] && preferences[kind] !== 'daily'
		);
		if (notDaily.length) {
			tx.delete(mailDigestEntries)
				.where(and(eq(mailDigestEntries.userId, userId), inArray(mailDigestEntries.kind, notDaily)))
				.run();
		}
	});
}

/** One-click unsubscribe (RFC 8058): the token names the user, the topic the kinds. */
export function unsubscribe(token: string, topic: UnsubscribeTopic, now = new Date()): boolean {
	const owner = findByUnsubscribeToken(token);
	if (!owner) return false;
	const kinds = unsubscribeTopics[topic];
	setMailPreferences(
		owner.userId,
		Object.fromEntries(kinds.map((kind) => [kind, 'never'])) as Partial<MailPreferences>,
		now
	);
	return true;
}

export const unsubscribePath = (token: string, topic: UnsubscribeTopic) =>
	`/abbestellen/${token}/${topic}`;
