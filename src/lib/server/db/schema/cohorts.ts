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

// Cohorts, enrolment, module dates, early unlocks and attendance.

export const cohorts = sqliteTable('cohorts', {
	id: text('id').primaryKey(),
	courseId: text('course_id').notNull(),
	name: text('name').notNull(),
	followUpDate: text('follow_up_date'),
	createdBy: text('created_by')
		.notNull()
		.references(() => users.id),
	createdAt: createdAt()
});

export const cohortTrainers = sqliteTable(
	'cohort_trainers',
	{
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.cohortId, t.userId] })]
);

export const enrolments = sqliteTable(
	'enrolments',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		/**
		 * When the learner joined their current cohort (null: at enrolment). A cohort's trainers see
		 * the learner's history from here on; what happened in an earlier cohort stays with it.
		 */
		joinedCohortAt: integer('joined_cohort_at', { mode: 'timestamp_ms' })
	},
	(t) => [uniqueIndex('enrolments_user_course_idx').on(t.userId, t.courseId)]
);

/** Course-level settings an admin changes at runtime (the rest lives in the Markdown). */
export const courseSettings = sqliteTable('course_settings', {
	courseId: text('course_id').primaryKey(),
	/** Learners may enrol themselves without a cohort (self-paced). */
	openEnrolment: integer('open_enrolment', { mode: 'boolean' }).notNull().default(false)
});

/** Dates (YYYY-MM-DD, Berlin time) and place of a module's in-person days within a cohort. */
export const cohortModules = sqliteTable(
	'cohort_modules',
	{
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		moduleId: text('module_id').notNull(),
		startsOn: text('starts_on'),
		endsOn: text('ends_on'),
		place: text('place'),
		/** Overrides the default due date of the module's practice assignment. */
		assignmentDueOn: text('assignment_due_on')
	},
	(t) => [primaryKey({ columns: [t.cohortId, t.moduleId] })]
);

/** A trainer opened a module early, for one learner (userId) or the whole cohort (null). */
export const moduleUnlocks = sqliteTable(
	'module_unlocks',
	{
		id: text('id').primaryKey(),
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		moduleId: text('module_id').notNull(),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		unlockedBy: text('unlocked_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [index('module_unlocks_cohort_idx').on(t.cohortId, t.moduleId)]
);

export const attendance = sqliteTable(
	'attendance',
	{
		cohortId: text('cohort_id')
			.notNull()
			.references(() => cohorts.id, { onDelete: 'cascade' }),
		moduleId: text('module_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		day: text('day').notNull(),
		present: integer('present', { mode: 'boolean' }).notNull(),
		recordedBy: text('recorded_by')
			.notNull()
			.references(() => users.id),
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.cohortId, t.moduleId, t.userId, t.day] })]
);
