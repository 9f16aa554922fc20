import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { completionEvents, completionLatest } from '../db/schema';
import type { CompletionSource } from '$lib/completion-source';

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

/**
 * A learner's last events per item of one course (at most two per item: see completionLatest),
 * oldest first: what deriving progress needs, however long the whole log has grown.
 */
export function listCompletionEvents(userId: string, courseId: string): CompletionEvent[] {
	return getDb()
		.select({
			itemId: completionLatest.itemId,
			kind: completionLatest.kind,
			source: completionLatest.source,
			at: completionLatest.at
		})
		.from(completionLatest)
		.where(and(eq(completionLatest.userId, userId), eq(completionLatest.courseId, courseId)))
		.orderBy(asc(completionLatest.at), asc(completionLatest.eventId))
		.all();
}
