import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';

// Data rights: deletion requests, retention warnings and certificates of erased people.

/**
 * A learner asked for their account to be deleted (Art. 17 DSGVO). An admin confirms it, or the
 * retention job deletes the account once `dueAt` has passed (the grace period).
 */
export const deletionRequests = sqliteTable('deletion_requests', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
	dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
	/** "Zertifikate weiterhin prüfbar lassen": the printed data stays verifiable. */
	keepCertificatesVerifiable: integer('keep_certificates_verifiable', { mode: 'boolean' })
		.notNull()
		.default(false)
});

export const retentionReasons = ['inactive_account', 'cohort_ended'] as const;
export type RetentionReason = (typeof retentionReasons)[number];

/**
 * One warning per person, reason and object (the cohort; '' for the account), sent 30 days
 * before the retention job deletes. The job deletes only what it warned about long enough ago.
 */
export const retentionWarnings = sqliteTable(
	'retention_warnings',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		reason: text('reason', { enum: retentionReasons }).notNull(),
		objectId: text('object_id').notNull().default(''),
		warnedAt: integer('warned_at', { mode: 'timestamp_ms' }).notNull(),
		dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.reason, t.objectId] })]
);

/**
 * Verification codes of certificates whose holder was deleted: the verification page answers
 * "gelöscht" without a name. Number and serial stay reserved so no new certificate reuses them.
 */
export const erasedCertificates = sqliteTable(
	'erased_certificates',
	{
		code: text('code').primaryKey(),
		year: integer('year').notNull(),
		serial: integer('serial').notNull(),
		erasedAt: integer('erased_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('erased_certificates_year_idx').on(t.year, t.serial)]
);
