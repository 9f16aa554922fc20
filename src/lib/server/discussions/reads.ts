import { eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '../db';
import { discussionReads, discussionThreads } from '../db/schema';

type Writer = Pick<Db, 'insert'>;

/** The reader has seen the thread up to `at` (never moves back). */
export function markRead(userId: string, threadId: string, at: Date, writer: Writer = getDb()) {
	writer
		.insert(discussionReads)
		.values({ userId, threadId, readAt: at })
		.onConflictDoUpdate({
			target: [discussionReads.userId, discussionReads.threadId],
			set: { readAt: sql`max(${discussionReads.readAt}, excluded.read_at)` }
		})
		.run();
}

/** Unread: posts newer than the reader's last visit, or never opened. */
export const isUnread = (thread: { lastPostAt: Date; readAt: Date | null }) =>
	!thread.readAt || thread.lastPostAt > thread.readAt;

/** Marks the thread read up to its newest post (when someone opens it). */
export function markThreadSeen(userId: string, threadId: string) {
	const thread = getDb()
		.select({ lastPostAt: discussionThreads.lastPostAt })
		.from(discussionThreads)
		.where(eq(discussionThreads.id, threadId))
		.get();
	if (thread) markRead(userId, threadId, thread.lastPostAt);
}
