import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';

// Progress: completion events.

/**
 * Append-only: every completion and every undo is a row, so progress is derived from events
 * (and "when" questions can be answered) instead of counters that could drift.
 */
export const completionEvents = sqliteTable(
	'completion_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		itemId: text('item_id').notNull(),
		kind: text('kind', { enum: ['completed', 'uncompleted'] }).notNull(),
		source: text('source', {
			enum: [
				'lesson_marked',
				'quiz_passed',
				'assignment_accepted',
				'assignment_submitted',
				'trainer'
			]
		}).notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('completion_user_course_idx').on(t.userId, t.courseId, t.at)]
);
