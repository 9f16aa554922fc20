import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { users } from './accounts';

// In-app notifications.

export const notifications = sqliteTable(
	'notifications',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', {
			enum: ['feedback_received', 'assignment_due', 'submission_to_review', 'login_locked']
		}).notNull(),
		/** Parameters for the localised message; the text is rendered at display time. */
		data: text('data', { mode: 'json' }).notNull(),
		link: text('link').notNull(),
		/** Prevents duplicates, e.g. one "due in 3 days" reminder per submission. */
		dedupeKey: text('dedupe_key').unique(),
		createdAt: createdAt(),
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		/** Set by a future mail sender once delivered. */
		emailedAt: integer('emailed_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('notifications_user_idx').on(t.userId, t.readAt)]
);
