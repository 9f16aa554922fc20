import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { users } from './accounts';
import { discussionThreads } from './discussions';

// The alumni networks: a learner with a valid certificate of a course belongs to its network
// unless they left it (a row here); one profile per person, shown in every network they are in.

/** "Aus dem Netzwerk austreten" for one course; deleting the row is "wieder beitreten". */
export const alumniOptOuts = sqliteTable(
	'alumni_opt_outs',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Content ID of the course. */
		courseId: text('course_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.userId, t.courseId] })]
);

export const alumniContactChoices = ['none', 'platform', 'email', 'phone'] as const;
export type AlumniContactChoice = (typeof alumniContactChoices)[number];

/** Every field is shown only when its own switch is on, and only when `visible` is. */
export const alumniProfiles = sqliteTable('alumni_profiles', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	visible: integer('visible', { mode: 'boolean' }).notNull().default(false),
	showName: integer('show_name', { mode: 'boolean' }).notNull().default(false),
	organisation: text('organisation').notNull().default(''),
	showOrganisation: integer('show_organisation', { mode: 'boolean' }).notNull().default(false),
	languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
	showLanguages: integer('show_languages', { mode: 'boolean' }).notNull().default(false),
	topics: text('topics', { mode: 'json' }).$type<string[]>().notNull().default([]),
	showTopics: integer('show_topics', { mode: 'boolean' }).notNull().default(false),
	/** How others may reach the person: 'email' shows the account's address, 'phone' `phone`. */
	contact: text('contact', { enum: alumniContactChoices }).notNull().default('none'),
	phone: text('phone').notNull().default(''),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/**
 * The threads of a course's alumni area: Austausch threads without a cohort. A table of its own
 * rather than a column, so the threads table only loses its NOT NULL (a column added in the same
 * table rebuild is copied from the old table by drizzle-kit, which fails).
 */
export const alumniThreads = sqliteTable(
	'alumni_threads',
	{
		threadId: text('thread_id')
			.primaryKey()
			.references(() => discussionThreads.id, { onDelete: 'cascade' }),
		/** Content ID of the course. */
		courseId: text('course_id').notNull()
	},
	(t) => [index('alumni_threads_course_idx').on(t.courseId)]
);
