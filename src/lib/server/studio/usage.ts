import { count, countDistinct, eq } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { getDb } from '../db';
import { completionEvents, quizAttempts, submissions } from '../db/schema';
import { startsWithText } from '../db/like';

// What learners have done on a page, so deleting it says what stays behind. Records are never
// deleted with the page: progress, attempts and submissions stay readable for trainers.

export interface ItemUsage {
	learners: number;
	attempts: number;
	submissions: number;
}

/** Usage of an item ID, or of every item below a module ID (`<course>/<module>/`). */
export function usageOf(id: string, { below = false } = {}): ItemUsage {
	const db = getDb();
	const match = (column: SQLiteColumn) =>
		below ? startsWithText(column, `${id}/`) : eq(column, id);
	const learners = db
		.select({ n: countDistinct(completionEvents.userId) })
		.from(completionEvents)
		.where(match(completionEvents.itemId))
		.get();
	const attempts = db
		.select({ n: count() })
		.from(quizAttempts)
		.where(match(quizAttempts.quizId))
		.get();
	const submitted = db
		.select({ n: count() })
		.from(submissions)
		.where(match(submissions.itemId))
		.get();
	return { learners: learners?.n ?? 0, attempts: attempts?.n ?? 0, submissions: submitted?.n ?? 0 };
}

export const hasUsage = (usage: ItemUsage) =>
	usage.learners + usage.attempts + usage.submissions > 0;
