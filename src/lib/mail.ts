/** Mail kinds and preference values shared by server and pages (no secrets, nothing server-only). */

/** Mails a user can switch between immediate, daily digest and never (one per notification kind). */
export const notificationMailKinds = [
	'feedback_received',
	'assignment_due',
	'submission_to_review',
	'certificate_issued',
	'discussion_reply',
	'event_update',
	'discussion_mention',
	'alumni_joined',
	'mentoring_update'
] as const;
export type NotificationMailKind = (typeof notificationMailKinds)[number];

/** Security and account mails: always sent, no preference, no unsubscribe link. */
export const securityMailKinds = [
	'invite',
	'password_reset',
	'password_reset_link_created',
	'password_changed',
	'email_change_confirm',
	'email_address_confirm',
	'email_change_taken',
	'email_changed',
	'retention_warning'
] as const;

/** Mails to the operator (not to an account holder): always sent. */
export const operatorMailKinds = ['barrier_report'] as const;

export const mailKinds = [
	...securityMailKinds,
	...operatorMailKinds,
	...notificationMailKinds,
	'digest'
] as const;
export type MailKind = (typeof mailKinds)[number];

export const mailFrequencies = ['immediate', 'daily', 'never'] as const;
export type MailFrequency = (typeof mailFrequencies)[number];

export const mailStatuses = ['queued', 'sending', 'sent', 'kept', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** Defaults until a user chooses: trainers get new submissions bundled once a day. */
export const defaultFrequency: Record<NotificationMailKind, MailFrequency> = {
	feedback_received: 'immediate',
	assignment_due: 'immediate',
	submission_to_review: 'daily',
	certificate_issued: 'immediate',
	discussion_reply: 'daily',
	event_update: 'immediate',
	// Someone asked this person by name: they hear of it at once.
	discussion_mention: 'immediate',
	alumni_joined: 'daily',
	mentoring_update: 'immediate'
};

/** German URL slugs of the one-click unsubscribe links; `alle` stops every notification mail. */
export const unsubscribeTopics = {
	rueckmeldungen: ['feedback_received'],
	erinnerungen: ['assignment_due'],
	abgaben: ['submission_to_review'],
	zertifikate: ['certificate_issued'],
	veranstaltungen: ['event_update'],
	alumni: ['alumni_joined'],
	austausch: ['discussion_reply', 'discussion_mention'],
	mentoring: ['mentoring_update'],
	alle: [...notificationMailKinds]
} as const satisfies Record<string, readonly NotificationMailKind[]>;
export type UnsubscribeTopic = keyof typeof unsubscribeTopics;

export const isUnsubscribeTopic = (value: string): value is UnsubscribeTopic =>
	Object.hasOwn(unsubscribeTopics, value);

export function topicOf(kind: NotificationMailKind): UnsubscribeTopic {
	const entry = Object.entries(unsubscribeTopics).find(
		([topic, kinds]) => topic !== 'alle' && (kinds as readonly string[]).includes(kind)
	);
	return (entry?.[0] ?? 'alle') as UnsubscribeTopic;
}
