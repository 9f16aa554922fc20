import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Audit log: append-only record of security- and data-relevant actions.

/**
 * Who did what to which object, when and from where. Actor and subject are plain IDs (no foreign
 * keys), so the log outlives the accounts it mentions and deleting a user never rewrites it.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		/** null: the platform itself (a scheduled job) or an anonymous visitor. */
		actorId: text('actor_id'),
		/** e.g. `login.failed`, `cohort.learner_moved`; see `src/lib/server/audit/actions.ts`. */
		action: text('action').notNull(),
		objectType: text('object_type'),
		objectId: text('object_id'),
		/** The person the action is about (for "audit entries about me" in a data export). */
		subjectUserId: text('subject_user_id'),
		ip: text('ip'),
		details: text('details', { mode: 'json' }).$type<Record<string, unknown>>()
	},
	(t) => [
		index('audit_log_at_idx').on(t.at),
		index('audit_log_actor_idx').on(t.actorId, t.at),
		index('audit_log_subject_idx').on(t.subjectUserId, t.at),
		index('audit_log_action_idx').on(t.action, t.at)
	]
);
