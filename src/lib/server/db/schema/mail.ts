import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { mailFrequencies, mailKinds, mailStatuses, notificationMailKinds } from '../../../mail';
import { createdAt } from './columns';
import { users } from './accounts';
import { notifications } from './notifications';

// E-mail: the transactional outbox, per-user mail preferences and settings.
// Every table has user_id, so a data export or deletion finds a person's mails by it.

/**
 * One row per mail, inserted in the transaction of the event that causes it and sent later by
 * the worker (src/lib/server/mail/worker.ts). The content is rendered when queued, so what the
 * Postausgang shows is exactly what goes out.
 */
export const mailOutbox = sqliteTable(
	'mail_outbox',
	{
		id: text('id').primaryKey(),
		/** The recipient's account; null for an invitation to someone without one yet. */
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: mailKinds }).notNull(),
		toAddress: text('to_address').notNull(),
		locale: text('locale').notNull(),
		subject: text('subject').notNull(),
		/** Null once removed after delivery (mails with a personal link, see `secret`). */
		textBody: text('text_body'),
		htmlBody: text('html_body'),
		headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
		/** Generated when queued: a resent mail keeps its Message-ID, so receivers can drop it. */
		messageId: text('message_id').notNull().unique(),
		/** The same key twice queues one mail (e.g. one digest per user and day). */
		dedupeKey: text('dedupe_key').unique(),
		/** Carries a login, reset or confirmation link: the body is dropped once delivered. */
		secret: integer('secret', { mode: 'boolean' }).notNull().default(false),
		status: text('status', { enum: mailStatuses }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		/** While `sending`: no other process takes the mail before this moment. */
		leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
		/** host:pid of the process that holds or last held the mail. */
		claimedBy: text('claimed_by'),
		lastError: text('last_error'),
		createdAt: createdAt(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
		index('mail_outbox_user_idx').on(t.userId),
		index('mail_outbox_created_idx').on(t.createdAt)
	]
);

/** A row only where a user chose something other than the default (src/lib/mail.ts). */
export const mailPreferences = sqliteTable(
	'mail_preferences',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: notificationMailKinds }).notNull(),
		frequency: text('frequency', { enum: mailFrequencies }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.kind] })]
);

/** The language a user reads mails in, and the key of their one-click unsubscribe links. */
export const mailSettings = sqliteTable('mail_settings', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	locale: text('locale', { enum: ['de', 'en'] })
		.notNull()
		.default('de'),
	/**
	 * Kept in plain text (it is printed into every notification mail) because it can do one
	 * thing only: switch notification mails off.
	 */
	unsubscribeToken: text('unsubscribe_token').notNull().unique(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/**
 * Notifications waiting for the recipient's daily digest (decided when the notification was
 * created, from the preference at that moment). Deleted when the digest is queued.
 */
export const mailDigestEntries = sqliteTable(
	'mail_digest_entries',
	{
		notificationId: text('notification_id')
			.primaryKey()
			.references(() => notifications.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: notificationMailKinds }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('mail_digest_entries_user_idx').on(t.userId)]
);
