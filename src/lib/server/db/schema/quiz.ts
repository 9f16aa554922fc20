import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { cohorts } from './cohorts';
import type { QuizDefinition } from '$lib/content/quiz-types';
import type { AnswerSheet, AttemptLayout, GradeResult } from '$lib/quiz/types';

// Quiz attempts.

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
		quizSnapshot: text('quiz_snapshot', { mode: 'json' }).$type<QuizDefinition>().notNull(),
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
