import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { users } from './accounts';
import { cohorts } from './cohorts';

// The Austausch: discussion threads, their posts, reports and read markers. A thread belongs to
// one space: a cohort's Austausch (cohort_id) or a course's alumni network (alumni_threads).

export const discussionThreads = sqliteTable(
	'discussion_threads',
	{
		id: text('id').primaryKey(),
		/** The cohort's Austausch; null: an alumni network's thread (alumni_threads says which). */
		cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'cascade' }),
		/** The module section (content ID); null: "Allgemein". */
		moduleId: text('module_id'),
		/** The lesson or Praxisaufgabe the thread asks about (content ID), if any. */
		itemId: text('item_id'),
		title: text('title').notNull(),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
		/** Set: no new replies. */
		lockedAt: integer('locked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		/** The newest post's time: the list's order and the unread marker compare against it. */
		lastPostAt: integer('last_post_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('discussion_threads_cohort_idx').on(t.cohortId, t.pinned, t.lastPostAt)]
);

/** The thread's opening post is its first post; replies follow in time order. */
export const discussionPosts = sqliteTable(
	'discussion_posts',
	{
		id: text('id').primaryKey(),
		threadId: text('thread_id')
			.notNull()
			.references(() => discussionThreads.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		/** Markdown; shown through the submissions' sanitiser. */
		body: text('body').notNull(),
		createdAt: createdAt(),
		/** Hidden by a trainer: others see "ausgeblendet", the author sees the reason. */
		hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
		hiddenReason: text('hidden_reason'),
		/** Set when the author changed the text ("bearbeitet"). */
		editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
		/** Set when the author deleted a post others had answered: the text is gone, a placeholder stays. */
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('discussion_posts_thread_idx').on(t.threadId, t.createdAt)]
);

export const discussionReports = sqliteTable(
	'discussion_reports',
	{
		id: text('id').primaryKey(),
		postId: text('post_id')
			.notNull()
			.references(() => discussionPosts.id, { onDelete: 'cascade' }),
		reporterId: text('reporter_id')
			.notNull()
			.references(() => users.id),
		reason: text('reason').notNull(),
		createdAt: createdAt(),
		/** Set when a trainer has dealt with it (who: the audit log). */
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('discussion_reports_post_reporter_idx').on(t.postId, t.reporterId),
		index('discussion_reports_open_idx').on(t.resolvedAt)
	]
);

/** When a person last read a thread: newer posts are unread. */
export const discussionReads = sqliteTable(
	'discussion_reads',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		threadId: text('thread_id')
			.notNull()
			.references(() => discussionThreads.id, { onDelete: 'cascade' }),
		readAt: integer('read_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.threadId] })]
);
