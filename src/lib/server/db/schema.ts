import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

/** All tables live here, grouped by domain. Timestamps are stored as milliseconds since epoch. */

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const roles = ['learner', 'trainer', 'admin'] as const;
export type Role = (typeof roles)[number];

// --- Accounts and sessions -------------------------------------------------------------

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: roles }).notNull().default('learner'),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	createdAt: createdAt()
});

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 of the session token, hex: a leaked table does not leak usable tokens. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const invites = sqliteTable('invites', {
	id: text('id').primaryKey(),
	tokenHash: text('token_hash').notNull().unique(),
	role: text('role', { enum: roles }).notNull().default('learner'),
	email: text('email'),
	cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'cascade' }),
	maxUses: integer('max_uses').notNull().default(1),
	uses: integer('uses').notNull().default(0),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
	createdBy: text('created_by')
		.notNull()
		.references(() => users.id),
	createdAt: createdAt()
});

export const passwordResets = sqliteTable('password_resets', {
	tokenHash: text('token_hash').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	usedAt: integer('used_at', { mode: 'timestamp_ms' }),
	createdBy: text('created_by')
		.notNull()
		.references(() => users.id),
	createdAt: createdAt()
});

/** One row per failed login; throttling counts rows per key in a time window. */
export const loginFailures = sqliteTable(
	'login_failures',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		key: text('key').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('login_failures_key_at_idx').on(t.key, t.at)]
);

// --- Cohorts and enrolment ---------------------------------------------------------------

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
		createdAt: createdAt()
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

// --- Progress ------------------------------------------------------------------------------

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

// --- Quizzes -------------------------------------------------------------------------------

export const quizAttempts = sqliteTable(
	'quiz_attempts',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		quizId: text('quiz_id').notNull(),
		cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
		/** sha256 of the quiz file when the attempt started, and the quiz as it was then. */
		contentHash: text('content_hash').notNull(),
		quizSnapshot: text('quiz_snapshot', { mode: 'json' }).notNull(),
		/** Drawn questions and option order, fixed at start so a reload shows the same attempt. */
		layout: text('layout', { mode: 'json' }).notNull(),
		answers: text('answers', { mode: 'json' }),
		status: text('status', { enum: ['open', 'submitted'] })
			.notNull()
			.default('open'),
		score: integer('score'),
		passed: integer('passed', { mode: 'boolean' }),
		result: text('result', { mode: 'json' }),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		savedAt: integer('saved_at', { mode: 'timestamp_ms' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('quiz_attempts_user_quiz_idx').on(t.userId, t.quizId)]
);

// --- Practice assignments ---------------------------------------------------------------------

export const submissionStatuses = ['draft', 'submitted', 'revision_requested', 'accepted'] as const;

export const submissions = sqliteTable(
	'submissions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		itemId: text('item_id').notNull(),
		cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
		status: text('status', { enum: submissionStatuses }).notNull().default('draft'),
		/** The draft text being edited; submitted versions are frozen in submission_versions. */
		draftText: text('draft_text').notNull().default(''),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('submissions_user_item_idx').on(t.userId, t.itemId),
		index('submissions_status_idx').on(t.status, t.updatedAt)
	]
);

export const submissionVersions = sqliteTable(
	'submission_versions',
	{
		id: text('id').primaryKey(),
		submissionId: text('submission_id')
			.notNull()
			.references(() => submissions.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		text: text('text').notNull(),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('submission_versions_idx').on(t.submissionId, t.version)]
);

/** Uploaded files; versionId null while they belong to the draft. */
export const submissionFiles = sqliteTable('submission_files', {
	id: text('id').primaryKey(),
	submissionId: text('submission_id')
		.notNull()
		.references(() => submissions.id, { onDelete: 'cascade' }),
	versionId: text('version_id').references(() => submissionVersions.id, { onDelete: 'cascade' }),
	storedName: text('stored_name').notNull().unique(),
	originalName: text('original_name').notNull(),
	mimeType: text('mime_type').notNull(),
	size: integer('size').notNull(),
	uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull()
});

export const reviews = sqliteTable(
	'reviews',
	{
		id: text('id').primaryKey(),
		submissionId: text('submission_id')
			.notNull()
			.references(() => submissions.id, { onDelete: 'cascade' }),
		versionId: text('version_id')
			.notNull()
			.references(() => submissionVersions.id, { onDelete: 'cascade' }),
		reviewerId: text('reviewer_id')
			.notNull()
			.references(() => users.id),
		decision: text('decision', { enum: ['accepted', 'revision_requested'] }).notNull(),
		feedback: text('feedback').notNull().default(''),
		/** [{ criterionId, rating: 'met' | 'partly' | 'not_yet', comment }] */
		ratings: text('ratings', { mode: 'json' }).notNull(),
		createdAt: createdAt()
	},
	// One review per submitted version: a second trainer reviewing at once gets a conflict.
	(t) => [uniqueIndex('reviews_version_idx').on(t.versionId)]
);

// --- Notifications -------------------------------------------------------------------------

export const notifications = sqliteTable(
	'notifications',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', {
			enum: ['feedback_received', 'assignment_due', 'submission_to_review']
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

// --- Certificates ---------------------------------------------------------------------------

export const certificates = sqliteTable(
	'certificates',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		courseId: text('course_id').notNull(),
		cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
		year: integer('year').notNull(),
		serial: integer('serial').notNull(),
		/** Human number, e.g. 2026-000123. */
		number: text('number').notNull().unique(),
		/** Verification code (≥ 64 bits), grouped, without ambiguous characters. */
		code: text('code').notNull().unique(),
		status: text('status', { enum: ['valid', 'revoked', 'superseded'] })
			.notNull()
			.default('valid'),
		/** What the certificate certifies, frozen at issue time. */
		snapshot: text('snapshot', { mode: 'json' }).notNull(),
		signature: text('signature').notNull(),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
		issuedBy: text('issued_by').references(() => users.id),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		revokedReason: text('revoked_reason'),
		supersededBy: text('superseded_by')
	},
	(t) => [
		uniqueIndex('certificates_year_serial_idx').on(t.year, t.serial),
		// Exactly one valid certificate per learner and course, enforced by the database.
		uniqueIndex('certificates_one_valid_idx')
			.on(t.userId, t.courseId)
			.where(sql`status = 'valid'`)
	]
);

/** Instance settings edited by admins (e.g. the issuing organisation on certificates). */
export const settings = sqliteTable('settings', {
	key: text('key').primaryKey(),
	value: text('value', { mode: 'json' }).notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
