import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { users } from './accounts';
import { submissions } from './assignments';
import { discussionThreads } from './discussions';

/**
 * A Praxisaufgabe a learner shared with their cohort for kollegiale Beratung: a snapshot of the
 * text (all of it or an excerpt the learner edited) shown at the top of its Austausch thread.
 * Withdrawing the share deletes the text; the row stays so the thread can say so.
 */
export const sharedSubmissions = sqliteTable(
	'shared_submissions',
	{
		threadId: text('thread_id')
			.primaryKey()
			.references(() => discussionThreads.id, { onDelete: 'cascade' }),
		/** Null once the submission itself is gone (account or retention deletion). */
		submissionId: text('submission_id').references(() => submissions.id, {
			onDelete: 'set null'
		}),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		/** The shared Markdown as it was when shared; null once the share is withdrawn. */
		text: text('text'),
		/** The learner shared an edited excerpt rather than the whole text. */
		excerpt: integer('excerpt', { mode: 'boolean' }).notNull(),
		sharedAt: createdAt(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		// One live share per submission; after withdrawing, the learner may share again.
		uniqueIndex('shared_submissions_live_idx')
			.on(t.submissionId)
			.where(sql`revoked_at is null`),
		index('shared_submissions_author_idx').on(t.authorId)
	]
);
