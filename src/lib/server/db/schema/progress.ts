import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { completionKinds, completionSources } from '../../../completion-source';

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
		kind: text('kind', { enum: completionKinds }).notNull(),
		source: text('source', { enum: completionSources }).notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('completion_user_course_idx').on(t.userId, t.courseId, t.at)]
);

/**
 * The last event per learner, course and item, kept by triggers on completion_events (see
 * drizzle/0010): a completing submit apart from all other events, because whether a submit counts
 * depends on the current content. Pages derive progress from these rows (at most two per item)
 * instead of the whole log, which grows with every mark and unmark. No foreign key: the triggers
 * remove a row with the last event it stands for, also when a deleted user cascades.
 */
export const completionLatest = sqliteTable(
	'completion_latest',
	{
		userId: text('user_id').notNull(),
		courseId: text('course_id').notNull(),
		itemId: text('item_id').notNull(),
		/** A completing `assignment_submitted` event (1) or any other (0). */
		submitted: integer('submitted', { mode: 'boolean' }).notNull(),
		eventId: integer('event_id').notNull(),
		kind: text('kind', { enum: completionKinds }).notNull(),
		source: text('source', { enum: completionSources }).notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.courseId, t.itemId, t.submitted] }),
		// Covers the done counts (countDoneItemsPerModule): per learner, one range
		// of item IDs read from the index alone, without visiting the table.
		index('completion_latest_done_idx').on(t.userId, t.courseId, t.submitted, t.kind, t.itemId)
	]
);

/**
 * Per learner and course: a number the triggers of drizzle/0022 raise with every insert into and
 * every delete from the learner's completion_events of the course. Whatever was derived from those
 * events (the cohort summary's done counts and timeline) still holds while it is unchanged, and
 * reading it costs one row per learner instead of counting their events.
 */
export const completionStamps = sqliteTable(
	'completion_stamps',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		version: integer('version').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.courseId] })]
);
