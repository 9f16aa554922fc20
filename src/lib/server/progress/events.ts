import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { completionEvents } from '../db/schema';

export type CompletionSource = (typeof completionEvents.$inferInsert)['source'];
export type CompletionKind = (typeof completionEvents.$inferInsert)['kind'];

export interface CompletionEvent {
	itemId: string;
	kind: CompletionKind;
	source: CompletionSource;
	at: Date;
}

export function insertCompletionEvent(event: {
	userId: string;
	courseId: string;
	itemId: string;
	kind: CompletionKind;
	source: CompletionSource;
	at: Date;
}): void {
	getDb().insert(completionEvents).values(event).run();
}

/** A learner's events for one course, oldest first. */
export function listCompletionEvents(userId: string, courseId: string): CompletionEvent[] {
	return getDb()
		.select({
			itemId: completionEvents.itemId,
			kind: completionEvents.kind,
			source: completionEvents.source,
			at: completionEvents.at
		})
		.from(completionEvents)
		.where(and(eq(completionEvents.userId, userId), eq(completionEvents.courseId, courseId)))
		.orderBy(asc(completionEvents.at), asc(completionEvents.id))
		.all();
}
