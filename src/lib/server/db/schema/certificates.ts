import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { cohorts } from './cohorts';
import type { CertificateSnapshot } from '$lib/certificates';

// Certificates.

export const certificates = sqliteTable(
	'certificates',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		courseId: text('course_id').notNull(),
		cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'set null' }),
		year: integer('year').notNull(),
		serial: integer('serial').notNull(),
		/** Human number, e.g. 2026-000123. */
		number: text('number').notNull().unique(),
		/** Verification code (≥ 64 bits), grouped, without ambiguous characters. */
		code: text('code').notNull().unique(),
		status: text('status', { enum: ['valid', 'revoked', 'superseded'] })
			.notNull()
			.default('valid'),
		/** What the certificate certifies, frozen at issue time. */
		snapshot: text('snapshot', { mode: 'json' }).$type<CertificateSnapshot>().notNull(),
		signature: text('signature').notNull(),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
		issuedBy: text('issued_by').references(() => users.id),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		revokedReason: text('revoked_reason'),
		supersededBy: text('superseded_by')
	},
	(t) => [
		uniqueIndex('certificates_year_serial_idx').on(t.year, t.serial),
		// Exactly one valid certificate per learner and course, enforced by the database.
		uniqueIndex('certificates_one_valid_idx')
			.on(t.userId, t.courseId)
			.where(sql`status = 'valid'`)
	]
);
