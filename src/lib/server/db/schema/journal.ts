import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { users } from './accounts';

// The learner's reflection journal: private unless the learner shares an entry.

export const journalEntries = sqliteTable(
	'journal_entries',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The course the entry belongs to (its cohort's trainers see it once shared). */
		courseId: text('course_id'),
		/** The lesson whose reflection question prompted the entry, if any. */
		itemId: text('item_id'),
		prompt: text('prompt'),
		body: text('body').notNull(),
		/** null: private. Set: shared with the trainers of the learner's cohort in the course. */
		sharedAt: integer('shared_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('journal_entries_user_idx').on(t.userId, t.createdAt)]
);
