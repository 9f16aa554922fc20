import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { createdAt } from './columns';
import { users } from './accounts';
import type { EventConfirmationSnapshot } from '$lib/events';

// Veranstaltungen (e.g. the yearly Vertiefungstreffen): the event, who is invited, who
// registered, who attended, and the signed Teilnahmebestätigung.

export const events = sqliteTable('events', {
	id: text('id').primaryKey(),
	title: text('title').notNull(),
	/** Agenda and description in Markdown; shown through the submissions' sanitiser. */
	description: text('description').notNull(),
	format: text('format', { enum: ['online', 'praesenz'] }).notNull(),
	/** The address, or for online events how to join (the link is sent later). */
	place: text('place').notNull(),
	startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
	endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
	capacity: integer('capacity').notNull(),
	/** Null: registration closes when the event starts. */
	registrationDeadline: integer('registration_deadline', { mode: 'timestamp_ms' }),
	status: text('status', { enum: ['draft', 'published', 'cancelled'] })
		.notNull()
		.default('draft'),
	createdBy: text('created_by')
		.notNull()
		.references(() => users.id),
	createdAt: createdAt()
});

/** Who is invited: the alumni of a course, or of one cohort (see events/invitees.ts). */
export const eventAudience = sqliteTable(
	'event_audience',
	{
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['course', 'cohort'] }).notNull(),
		/** A course ID or a cohort ID. */
		targetId: text('target_id').notNull()
	},
	(t) => [primaryKey({ columns: [t.eventId, t.kind, t.targetId] })]
);

export const eventRegistrations = sqliteTable(
	'event_registrations',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		status: text('status', { enum: ['registered', 'waitlisted', 'cancelled'] }).notNull(),
		/** When the person (last) signed up: the waiting list's order. */
		registeredAt: integer('registered_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('event_registrations_event_user_idx').on(t.eventId, t.userId),
		index('event_registrations_queue_idx').on(t.eventId, t.status, t.registeredAt)
	]
);

/** One row per person and day they were there (two-day events have two days). */
export const eventAttendance = sqliteTable(
	'event_attendance',
	{
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** YYYY-MM-DD in Berlin. */
		day: text('day').notNull(),
		recordedBy: text('recorded_by').references(() => users.id),
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.eventId, t.userId, t.day] })]
);

/** The signed Teilnahmebestätigung; /verify checks its code beside the certificates'. */
export const eventConfirmations = sqliteTable(
	'event_confirmations',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		year: integer('year').notNull(),
		serial: integer('serial').notNull(),
		number: text('number').notNull().unique(),
		code: text('code').notNull().unique(),
		status: text('status', { enum: ['valid', 'revoked', 'superseded'] })
			.notNull()
			.default('valid'),
		snapshot: text('snapshot', { mode: 'json' }).$type<EventConfirmationSnapshot>().notNull(),
		signature: text('signature').notNull(),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('event_confirmations_year_serial_idx').on(t.year, t.serial),
		uniqueIndex('event_confirmations_one_valid_idx')
			.on(t.eventId, t.userId)
			.where(sql`status = 'valid'`)
	]
);
