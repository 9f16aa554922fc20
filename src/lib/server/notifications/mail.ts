import { eq } from 'drizzle-orm';
import { certificateKindOf } from '$lib/certificates';
import { topicOf } from '$lib/mail';
import { verifyUrl } from '$lib/urls';
import { getItem } from '../content';
import type { Db } from '../db';
import { mailDigestEntries, notifications } from '../db/schema';
import {
	frequencyFor,
	queueMail,
	recipientFor,
	unsubscribePath,
	type MailTemplateInput,
	type Recipient
} from '../mail';
import type { NewNotification } from '.';
import { certificateLabel } from '$lib/content/labels';

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

/** What the mail of a notification says; the item's current title wins over the stored one. */
function mailContent(notification: NewNotification, recipient: Recipient): MailTemplateInput {
	const { data, link } = notification;
	const itemTitle = getItem(data.itemId ?? '')?.title ?? data.itemTitle ?? '';
	const name = recipient.name;
	switch (notification.kind) {
		case 'feedback_received':
			return {
				kind: 'feedback_received',
				name,
				trainerName: data.reviewerName ?? '',
				itemTitle,
				decision: data.decision ?? 'revision_requested',
				excerpt: data.excerpt ?? '',
				path: link
			};
		case 'assignment_due':
			return { kind: 'assignment_due', name, itemTitle, dueOn: data.dueOn ?? '', path: link };
		case 'submission_to_review':
			return {
				kind: 'submission_to_review',
				name,
				learnerName: data.learnerName ?? '',
				itemTitle,
				path: link
			};
		case 'certificate_issued':
			return {
				kind: 'certificate_issued',
				name,
				courseTitle: data.itemTitle ?? '',
				documentKind: certificateLabel(certificateKindOf(data), recipient.locale),
				number: data.certificateNumber ?? '',
				verifyPath: verifyUrl(data.verifyCode ?? '')
			};
		case 'discussion_reply':
		case 'discussion_mention':
			return {
				kind: notification.kind,
				name,
				authorName: data.learnerName ?? '',
				threadTitle: data.itemTitle ?? '',
				excerpt: data.excerpt ?? '',
				path: link,
				caseNotice: data.caseNotice ? data : undefined
			};
		case 'event_update':
			return {
				kind: 'event_update',
				name,
				notice: data.eventNotice ?? 'invited',
				eventTitle: data.itemTitle ?? '',
				day: data.dueOn ?? '',
				path: link
			};
		case 'alumni_joined':
			return { kind: 'alumni_joined', name, courseTitle: data.itemTitle ?? '', path: link };
		case 'mentoring_update':
			return {
				kind: 'mentoring_update',
				name,
				event: data.mentoringEvent ?? 'message',
				otherName: data.learnerName ?? '',
				title: data.itemTitle ?? '',
				excerpt: data.excerpt ?? '',
				path: link
			};
	}
}

/**
 * Inside the notification's transaction: "sofort" queues the mail now, "täglich gebündelt"
 * leaves an entry for the next digest, "nie" does nothing. Deactivated accounts get no mail.
 */
export function mailNotification(
	notification: NewNotification & { id: string },
	tx: Tx,
	now: Date
): void {
	const recipient = recipientFor(notification.userId, tx);
	if (!recipient?.active) return;
	const frequency = frequencyFor(notification.userId, notification.kind, tx);
	if (frequency === 'never') return;
	if (frequency === 'daily') {
		tx.insert(mailDigestEntries)
			.values({
				notificationId: notification.id,
				userId: notification.userId,
				kind: notification.kind,
				createdAt: now
			})
			.run();
		return;
	}
	const queued = queueMail(
		{
			userId: recipient.id,
			to: recipient.email,
			locale: recipient.locale,
			content: mailContent(notification, recipient),
			unsubscribePath: unsubscribePath(recipient.unsubscribeToken, topicOf(notification.kind)),
			dedupeKey: `notification:${notification.id}`
		},
		tx,
		now
	);
	// Held back (the address is not confirmed yet): the notification stays unmailed.
	if (!queued) return;
	tx.update(notifications)
		.set({ emailedAt: now })
		.where(eq(notifications.id, notification.id))
		.run();
}
