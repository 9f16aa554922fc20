import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { AnswerSheet } from '$lib/quiz/types';
import { generateId } from '../crypto/tokens';
import { getItem } from '../content';
import type { QuizDefinition } from '$lib/content/quiz-types';
import { getDb, type Db } from '../db';
import { preparedQuery, setPlaceholder } from '../db/prepared';
import { quizAttemptGrants, quizAttempts } from '../db/schema';
import { recordCompletion } from '../progress';
import type { AttemptLayout, GradeResult } from '$lib/quiz/types';
import { gradeAttempt } from './grading';
import { buildLayout, newSeed } from './layout';
import { quizSnapshot, storeQuizSnapshot } from './snapshots';

export interface AttemptSummary {
	id: string;
	status: 'open' | 'submitted';
	score: number | null;
	passed: boolean | null;
	startedAt: Date;
	submittedAt: Date | null;
}

export interface StoredAttempt extends AttemptSummary {
	userId: string;
	courseId: string;
	quizId: string;
	contentHash: string;
	/** The quiz as it was when the attempt started: reviews stay right after the file changes. */
	quiz: QuizDefinition;
	layout: AttemptLayout;
	answers: AnswerSheet;
	result: GradeResult | null;
	savedAt: Date | null;
}

const summaryColumns = {
	id: quizAttempts.id,
	status: quizAttempts.status,
	score: quizAttempts.score,
	passed: quizAttempts.passed,
	startedAt: quizAttempts.startedAt,
	submittedAt: quizAttempts.submittedAt
};

/** A learner's attempts at one quiz, newest first. */
export function listAttempts(userId: string, quizId: string): AttemptSummary[] {
	return getDb()
		.select(summaryColumns)
		.from(quizAttempts)
		.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.quizId, quizId)))
		.orderBy(desc(quizAttempts.startedAt), desc(quizAttempts.id))
		.all();
}

/**
 * Attempts still allowed: the quiz's limit plus the extra attempts trainers granted; every
 * started attempt counts, finished or not.
 */
export function attemptsLeft(
	limit: number | 'unlimited',
	used: number,
	granted = 0
): number | 'unlimited' {
	return limit === 'unlimited' ? 'unlimited' : Math.max(0, limit + granted - used);
}

/** Extra attempts trainers or admins allowed this learner for this quiz. */
export function grantedAttempts(
	userId: string,
	quizId: string,
	db: Pick<Db, 'select'> = getDb()
): number {
	return (
		db
			.select({ n: count() })
			.from(quizAttemptGrants)
			.where(and(eq(quizAttemptGrants.userId, userId), eq(quizAttemptGrants.quizId, quizId)))
			.get()?.n ?? 0
	);
}

export type StartResult =
	{ ok: true; attemptId: string; resumed: boolean } | { ok: false; reason: 'limit' };

/** Resumes the open attempt if there is one, else starts a new one within the attempt limit. */
export function startAttempt(input: {
	userId: string;
	quiz: QuizDefinition;
	courseId: string;
	cohortId: string | null;
	now?: Date;
}): StartResult {
	const { userId, quiz } = input;
	const db = getDb();
	return db.transaction(
		(tx): StartResult => {
			const mine = and(eq(quizAttempts.userId, userId), eq(quizAttempts.quizId, quiz.id));
			const open = tx
				.select({ id: quizAttempts.id })
				.from(quizAttempts)
				.where(and(mine, eq(quizAttempts.status, 'open')))
				.get();
			if (open) return { ok: true, attemptId: open.id, resumed: true };
			const used = tx.select({ n: count() }).from(quizAttempts).where(mine).get()?.n ?? 0;
			const granted = grantedAttempts(userId, quiz.id, tx);
			if (attemptsLeft(quiz.attempts, used, granted) === 0) return { ok: false, reason: 'limit' };
			const id = generateId();
			const snapshotId = storeQuizSnapshot(quiz);
			tx.insert(quizAttempts)
				.values({
					id,
					userId,
					courseId: input.courseId,
					quizId: quiz.id,
					cohortId: input.cohortId,
					contentHash: quiz.contentHash,
					snapshotId,
					layout: buildLayout(quiz, newSeed()),
					answers: {},
					status: 'open',
					startedAt: input.now ?? new Date()
				})
				.run();
			return { ok: true, attemptId: id, resumed: false };
			// IMMEDIATE: counting and inserting under the write lock, so two processes cannot both
			// see the last free attempt.
		},
		{ behavior: 'immediate' }
	);
}

const attemptById = preparedQuery((db) =>
	db
		.select()
		.from(quizAttempts)
		.where(eq(quizAttempts.id, sql.placeholder('id')))
		.prepare()
);

export function getAttempt(id: string): StoredAttempt | undefined {
	const row = attemptById().get({ id });
	if (!row) return undefined;
	const quiz = quizSnapshot(row.snapshotId);
	if (!quiz) return undefined;
	return {
		id: row.id,
		userId: row.userId,
		courseId: row.courseId,
		quizId: row.quizId,
		contentHash: row.contentHash,
		status: row.status,
		score: row.score,
		passed: row.passed,
		startedAt: row.startedAt,
		savedAt: row.savedAt,
		submittedAt: row.submittedAt,
		quiz,
		layout: row.layout,
		answers: row.answers ?? {},
		result: row.result ?? null
	};
}

/** Only the learner who started an attempt may see it; for anyone else it does not exist. */
export function getOwnAttempt(id: string, userId: string): StoredAttempt | undefined {
	const attempt = getAttempt(id);
	return attempt?.userId === userId ? attempt : undefined;
}

/** Saves answers of an open attempt; false when it is already submitted. */
export function saveAnswers(attemptId: string, userId: string, sheet: AnswerSheet): boolean {
	const changed = getDb()
		.update(quizAttempts)
		.set({ answers: sheet, savedAt: new Date() })
		.where(
			and(
				eq(quizAttempts.id, attemptId),
				eq(quizAttempts.userId, userId),
				eq(quizAttempts.status, 'open')
			)
		)
		.run().changes;
	return changed === 1;
}

/**
 * Grades and closes an attempt. Idempotent: an attempt that is already submitted keeps its
 * stored result (`graded: false`), so a double click or a resent form never grades twice.
 * `read` is the attempt as the caller has just read it (the route does, to check the form):
 * it spares a second read of the quiz snapshot.
 */
export function submitAttempt(
	attemptId: string,
	userId: string,
	sheet: AnswerSheet,
	now = new Date(),
	read?: StoredAttempt
): { result: GradeResult; graded: boolean } | undefined {
	const attempt = read?.id === attemptId ? read : getAttempt(attemptId);
	if (!attempt || attempt.userId !== userId) return undefined;
	const outcome = attempt.result
		? { result: attempt.result, graded: false }
		: closeAttempt(attempt, sheet, now);
	if (!outcome) return undefined;
	// Completion listeners (certificates) may do async work. Repeating it on a second submit is
	// harmless (idempotent) and heals an interrupted first one.
	if (outcome.result.passed && getItem(attempt.quizId)) {
		recordCompletion(userId, attempt.quizId, 'quiz_passed');
	}
	return outcome;
}

const closeOpenAttempt = preparedQuery((db) =>
	db
		.update(quizAttempts)
		.set({
			answers: setPlaceholder<AnswerSheet>('answers'),
			status: 'submitted',
			score: setPlaceholder<number>('score'),
			passed: setPlaceholder<boolean>('passed'),
			result: setPlaceholder<GradeResult>('result'),
			savedAt: setPlaceholder<Date>('now'),
			submittedAt: setPlaceholder<Date>('now')
		})
		.where(and(eq(quizAttempts.id, sql.placeholder('id')), eq(quizAttempts.status, 'open')))
		.prepare()
);

/**
 * Grades outside the write lock; the update only closes an attempt that is still open, so of two
 * concurrent submits (two tabs, two processes) exactly one grades and the other gets its result.
 */
function closeAttempt(attempt: StoredAttempt, sheet: AnswerSheet, now: Date) {
	const result = gradeAttempt(attempt.quiz, attempt.layout, sheet);
	const closed = closeOpenAttempt().run({
		id: attempt.id,
		answers: sheet,
		score: result.score,
		passed: result.passed,
		result,
		now
	}).changes;
	if (closed === 1) return { result, graded: true };
	const stored = getAttempt(attempt.id)?.result;
	return stored ? { result: stored, graded: false } : undefined;
}
