import { and, asc, eq, sql } from 'drizzle-orm';
import { preparedQuery } from '../db/prepared';
import { completionEvents, completionLatest } from '../db/schema';
import type { CompletionSource } from '$lib/completion-source';

export type CompletionKind = (typeof completionEvents.$inferInsert)['kind'];

export interface CompletionEvent {
	itemId: string;
	kind: CompletionKind;
	source: CompletionSource;
	at: Date;
}

const insertEvent = preparedQuery((db) =>
	db
		.insert(completionEvents)
		.values({
			userId: sql.placeholder('userId'),
			courseId: sql.placeholder('courseId'),
			itemId: sql.placeholder('itemId'),
			kind: sql.placeholder('kind'),
			source: sql.placeholder('source'),
			at: sql.placeholder('at')
		})
		.prepare()
);

export function insertCompletionEvent(event: {
	userId: string;
	courseId: string;
	itemId: string;
	kind: CompletionKind;
	source: CompletionSource;
	at: Date;
}): void {
	insertEvent().run(event);
}

/**
 * A learner's last events per item of one course (at most two per item: see completionLatest),
 * oldest first: what deriving progress needs, however long the whole log has grown.
 */
const latestCompletions = preparedQuery((db) =>
	db
		.select({
			itemId: completionLatest.itemId,
			kind: completionLatest.kind,
			source: completionLatest.source,
			at: completionLatest.at
		})
		.from(completionLatest)
		.where(
			and(
				eq(completionLatest.userId, sql.placeholder('userId')),
				eq(completionLatest.courseId, sql.placeholder('courseId'))
			)
		)
		.orderBy(asc(completionLatest.at), asc(completionLatest.eventId))
		.prepare()
);

export function listCompletionEvents(userId: string, courseId: string): CompletionEvent[] {
	return latestCompletions().all({ userId, courseId });
}
