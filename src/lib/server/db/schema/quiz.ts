import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { cohorts } from './cohorts';
import { createdAt } from './columns';
import type { QuizDefinition } from '$lib/content/quiz-types';
import type { AnswerSheet, AttemptLayout, GradeResult } from '$lib/quiz/types';

// Quiz attempts, and the versions of quizzes they were started on.

/**
 * A quiz exactly as attempts saw it, stored once and shared by all its attempts: kept inside each
 * attempt, every submit rewrote the whole quiz with the answers (several KB under the write lock).
 */
export const quizSnapshots = sqliteTable('quiz_snapshots', {
	/** sha256 (hex) of the snapshot's JSON; `migrated-…` for snapshots moved out of old attempts. */
	id: text('id').primaryKey(),
	snapshot: text('snapshot', { mode: 'json' }).$type<QuizDefinition>().notNull()
});

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
		snapshotId: text('snapshot_id')
			.notNull()
			.references(() => quizSnapshots.id),
		/** Drawn questions and option order, fixed at start so a reload shows the same attempt. */
		layout: text('layout', { mode: 'json' }).$type<AttemptLayout>().notNull(),
		answers: text('answers', { mode: 'json' }).$type<AnswerSheet>(),
		status: text('status', { enum: ['open', 'submitted'] })
			.notNull()
			.default('open'),
		score: integer('score'),
		passed: integer('passed', { mode: 'boolean' }),
		result: text('result', { mode: 'json' }).$type<GradeResult>(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		savedAt: integer('saved_at', { mode: 'timestamp_ms' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('quiz_attempts_user_quiz_idx').on(t.userId, t.quizId)]
);

/**
 * One more attempt at a quiz for one learner, allowed by a trainer of their cohort or an admin
 * once the quiz's attempts were used up (Moodle's "user override"): each row is one attempt.
 */
export const quizAttemptGrants = sqliteTable(
	'quiz_attempt_grants',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		quizId: text('quiz_id').notNull(),
		/** The cohort the learner was in when it was allowed; its retention removes the grant. */
		cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
		grantedBy: text('granted_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [index('quiz_attempt_grants_user_quiz_idx').on(t.userId, t.quizId)]
);
