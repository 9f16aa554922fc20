import {
	blob,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	unique
} from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { users } from './accounts';

// The authoring studio: who may edit which course, and each author's unpublished drafts.

/** `courseId` is a course ID, or `*` for every course (including new ones). */
export const authoringGrants = sqliteTable(
	'authoring_grants',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		grantedBy: text('granted_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.userId, t.courseId] })]
);

/**
 * One changed file of an author's draft, by path inside the content folder. Nothing here is
 * live: publishing writes the files, commits them and reloads the content.
 */
export const contentDrafts = sqliteTable(
	'content_drafts',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The course folder the file belongs to, e.g. `01-interkulturelle-oeffnung`. */
		courseDir: text('course_dir').notNull(),
		path: text('path').notNull(),
		/** The new file; null deletes it. */
		content: blob('content', { mode: 'buffer' }),
		/** SHA-256 of the live file the draft started from; null when it did not exist. */
		baseHash: text('base_hash'),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		unique('content_drafts_user_path').on(t.userId, t.path),
		index('content_drafts_course_idx').on(t.userId, t.courseDir)
	]
);
