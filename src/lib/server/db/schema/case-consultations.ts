import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { discussionPosts, discussionThreads } from './discussions';

// Kollegiale Fallberatung: a cohort thread run in fixed phases with fixed roles. The thread and
// its posts stay ordinary Austausch rows; these tables add the roles, the phase and, per post,
// the phase it was written in.

export const caseConsultations = sqliteTable(
	'case_consultations',
	{
		threadId: text('thread_id')
			.primaryKey()
			.references(() => discussionThreads.id, { onDelete: 'cascade' }),
		/** Fallgeber*in: brings the case (a member of the cohort). */
		caseGiverId: text('case_giver_id')
			.notNull()
			.references(() => users.id),
		/** Moderation: a member of the cohort or one of its trainers. */
		moderatorId: text('moderator_id')
			.notNull()
			.references(() => users.id),
		/** 1 … CASE_PHASES.length (src/lib/server/discussions/case-phases.ts). */
		phase: integer('phase').notNull().default(1),
		phaseChangedAt: integer('phase_changed_at', { mode: 'timestamp_ms' }).notNull(),
		/** Set when the last phase ended: the thread is locked then. */
		closedAt: integer('closed_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('case_consultations_case_giver_idx').on(t.caseGiverId),
		index('case_consultations_moderator_idx').on(t.moderatorId)
	]
);

/** The phase a post of a Fallberatung was written in. */
export const caseConsultationPosts = sqliteTable('case_consultation_posts', {
	postId: text('post_id')
		.primaryKey()
		.references(() => discussionPosts.id, { onDelete: 'cascade' }),
	phase: integer('phase').notNull()
});
