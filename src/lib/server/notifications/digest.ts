import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { getDb } from '../db';
import { mailDigestEntries, notifications } from '../db/schema';
import { queueMail, recipientFor, unsubscribePath } from '../mail';
import { describeNotification } from './describe';
import type { NotificationKind } from '.';
import { dateTimeFormat } from '$lib/intl';
import { berlinDay } from '$lib/berlin-day';

/** Digests go out from this hour on (Berlin time), once per user and day. */
export const DIGEST_HOUR = 7;

function berlinHour(now: Date): number {
	return Number(
		dateTimeFormat('en-GB', {
			timeZone: 'Europe/Berlin',
			hour: '2-digit',
			hourCycle: 'h23'
		}).format(now)
	);
}

/**
 * Queues one digest per user with waiting entries. The dedupe key (user and day) keeps it to one
 * a day even with several processes; entries arriving after today's digest wait for tomorrow's.
 */
export function queueDailyDigests(now = new Date()): number {
	if (berlinHour(now) < DIGEST_HOUR) return 0;
	const db = getDb();
	const day = berlinDay(now);
	const userIds = db
		.selectDistinct({ userId: mailDigestEntries.userId })
		.from(mailDigestEntries)
		.where(lte(mailDigestEntries.createdAt, now))
		.all()
		.map((row) => row.userId);
	let queued = 0;
	for (const userId of userIds) {
		const sent = db.transaction(
			(tx) => {
				const entries = tx
					.select({
						id: notifications.id,
						kind: notifications.kind,
						data: notifications.data,
						link: notifications.link
					})
					.from(mailDigestEntries)
					.innerJoin(notifications, eq(notifications.id, mailDigestEntries.notificationId))
					.where(and(eq(mailDigestEntries.userId, userId), lte(mailDigestEntries.createdAt, now)))
					.orderBy(asc(notifications.createdAt))
					.all();
				const recipient = recipientFor(userId, tx);
				if (!entries.length || !recipient) return false;
				const ids = entries.map((entry) => entry.id);
				const items = entries.map((entry) => ({
					text: describeNotification(
						{ kind: entry.kind as NotificationKind, data: entry.data },
						recipient.locale
					),
					path: entry.link
				}));
				// Today's digest is out already, or the address is not confirmed yet (queueMail holds it
				// back): the entries wait for a later digest.
				const fresh =
					recipient.active &&
					queueMail(
						{
							userId,
							to: recipient.email,
							locale: recipient.locale,
							content: { kind: 'digest', name: recipient.name, day, items },
							unsubscribePath: unsubscribePath(recipient.unsubscribeToken, 'alle'),
							dedupeKey: `digest:${userId}:${day}`
						},
						tx,
						now
					);
				if (recipient.active && !fresh) return false;
				tx.delete(mailDigestEntries).where(inArray(mailDigestEntries.notificationId, ids)).run();
				if (fresh) {
					tx.update(notifications)
						.set({ emailedAt: now })
						.where(inArray(notifications.id, ids))
						.run();
				}
				return fresh;
			},
			{ behavior: 'immediate' }
		);
		if (sent) queued += 1;
	}
	return queued;
}
