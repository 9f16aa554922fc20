import { and, count, eq, sql } from 'drizzle-orm';
import { getQuiz } from '../content';
import { preparedQuery } from '../db/prepared';
import { quizAttemptGrants, quizAttempts } from '../db/schema';
import { attemptsLeft } from './attempts';

const attemptsPerQuiz = preparedQuery((db) =>
	db
		.select({
			quizId: quizAttempts.quizId,
			used: count(),
			passed: sql<number>`max(coalesce(${quizAttempts.passed}, 0))`,
			open: sql<number>`sum(${quizAttempts.status} = 'open')`
		})
		.from(quizAttempts)
		.where(
			and(
				eq(quizAttempts.userId, sql.placeholder('userId')),
				eq(quizAttempts.courseId, sql.placeholder('courseId'))
			)
		)
		.groupBy(quizAttempts.quizId)
		.prepare()
);

const grantsPerQuiz = preparedQuery((db) =>
	db
		.select({ quizId: quizAttemptGrants.quizId, granted: count() })
		.from(quizAttemptGrants)
		.where(
			and(
				eq(quizAttemptGrants.userId, sql.placeholder('userId')),
				eq(quizAttemptGrants.courseId, sql.placeholder('courseId'))
			)
		)
		.groupBy(quizAttemptGrants.quizId)
		.prepare()
);

/**
 * The course's quizzes this learner can no longer take: every attempt used, none open, not
 * passed. The course and module pages say so instead of "offen".
 */
export function usedUpQuizzes(userId: string, courseId: string): Set<string> {
	const granted = new Map(
		grantsPerQuiz()
			.all({ userId, courseId })
			.map((row) => [row.quizId, row.granted])
	);
	const usedUp = new Set<string>();
	for (const row of attemptsPerQuiz().all({ userId, courseId })) {
		const limit = getQuiz(row.quizId)?.attempts ?? 'unlimited';
		const left = attemptsLeft(limit, row.used, granted.get(row.quizId) ?? 0);
		if (left === 0 && !row.passed && !row.open) usedUp.add(row.quizId);
	}
	return usedUp;
}
