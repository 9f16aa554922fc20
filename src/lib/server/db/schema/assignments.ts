import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { users } from './accounts';
import { cohorts } from './cohorts';
import { hospitationApplications } from './hospitation';
import { submissionStatuses } from '../../../submission-status';
import type { CriterionRating } from '$lib/assignments';

// Practice assignments: submissions, versions, files and reviews.

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
		/** The learner's Hospitation this Praxisaufgabe is about, if they chose one. */
		hospitationId: text('hospitation_id').references(() => hospitationApplications.id, {
			onDelete: 'set null'
		}),
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
		ratings: text('ratings', { mode: 'json' }).$type<CriterionRating[]>().notNull(),
		createdAt: createdAt()
	},
	// One review per submitted version: a second trainer reviewing at once gets a conflict.
	(t) => [uniqueIndex('reviews_version_idx').on(t.versionId)]
);
