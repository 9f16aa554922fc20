import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { notificationMailKinds } from '../../../mail';
import { createdAt } from './columns';
import { users } from './accounts';
import type { NotificationData } from '$lib/notifications';

// In-app notifications.

export const notifications = sqliteTable(
	'notifications',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/**
		 * One kind per notification mail (src/lib/mail.ts), so each has a mail preference; and
		 * login_locked, shown in the app only (one notice that counts on, see notifyAccountLocked);
		 * retention_warning, whose mail always goes out (src/lib/server/privacy/retention.ts).
		 */
		kind: text('kind', {
			enum: [...notificationMailKinds, 'login_locked', 'retention_warning']
		}).notNull(),
		/** Parameters for the localised message; the text is rendered at display time. */
		data: text('data', { mode: 'json' }).$type<NotificationData>().notNull(),
		link: text('link').notNull(),
		/** Prevents duplicates, e.g. one "due in 3 days" reminder per submission. */
		dedupeKey: text('dedupe_key').unique(),
		createdAt: createdAt(),
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		/** When the mail for it was queued (immediately or in a daily digest); null: not mailed. */
		emailedAt: integer('emailed_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('notifications_user_idx').on(t.userId, t.readAt),
		index('notifications_unmailed_idx').on(t.emailedAt, t.createdAt)
	]
);
