import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, roles } from './columns';
import { cohorts } from './cohorts';

// Accounts, sessions and invites (login throttling lives in throttle.ts).

export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: roles }).notNull().default('learner'),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	createdAt: createdAt(),
	/** Last login (or creation): accounts inactive for too long are deleted (retention). */
	lastActiveAt: integer('last_active_at', { mode: 'timestamp_ms' }),
	/**
	 * When the person proved they receive mail at `email`; null until then, and no mail but the
	 * confirmation and password resets goes there (mail/outbox.ts). Every way of making an account
	 * vouches for its address (an admin, the command line, an invitation sent to that address)
	 * except registering through a link not bound to an address, which sets null explicitly.
	 */
	emailConfirmedAt: integer('email_confirmed_at', { mode: 'timestamp_ms' }).$defaultFn(
		() => new Date()
	),
	/**
	 * Set on the anonymous stand-in that keeps what must outlive a deleted person (anonymous quiz
	 * attempts, reviews they wrote, certificates kept verifiable): no name, no address, no login.
	 */
	erasedAt: integer('erased_at', { mode: 'timestamp_ms' })
});

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 of the session token, hex: a leaked table does not leak usable tokens. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const invites = sqliteTable('invites', {
	id: text('id').primaryKey(),
	tokenHash: text('token_hash').notNull().unique(),
	role: text('role', { enum: roles }).notNull().default('learner'),
	email: text('email'),
	/** The invited person's name as the trainer typed or imported it: the registration offers it. */
	name: text('name'),
	cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'cascade' }),
	maxUses: integer('max_uses').notNull().default(1),
	uses: integer('uses').notNull().default(0),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
	createdBy: text('created_by')
		.notNull()
		.references(() => users.id),
	createdAt: createdAt()
});

export const passwordResets = sqliteTable('password_resets', {
	tokenHash: text('token_hash').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	usedAt: integer('used_at', { mode: 'timestamp_ms' }),
	createdBy: text('created_by')
		.notNull()
		.references(() => users.id),
	createdAt: createdAt()
});

/** A self-service e-mail change waiting for confirmation from the new address. */
export const emailChanges = sqliteTable(
	'email_changes',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		newEmail: text('new_email').notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('email_changes_user_idx').on(t.userId)]
);

/**
 * "Passwort vergessen" requests, for known and unknown addresses alike: the page only stores the
 * typed address, and the mail worker later looks for an account. The answer and its timing thus
 * never depend on whether the address is registered. Processed rows are deleted.
 */
export const passwordResetRequests = sqliteTable('password_reset_requests', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	email: text('email').notNull(),
	locale: text('locale').notNull(),
	requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull()
});
