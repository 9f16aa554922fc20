import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { users } from './accounts';

// Mentoring: alumni offer to mentor, learners ask, staff pair them; each pair has a private
// thread and a meeting log.

export const mentorOffers = sqliteTable(
	'mentor_offers',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Free-form topics and languages, as lists (the offers list filters by them). */
		topics: text('topics', { mode: 'json' }).$type<string[]>().notNull(),
		languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
		/** How many confirmed mentees at once. */
		capacity: integer('capacity').notNull(),
		/** A paused offer is not listed and takes no new pairings. */
		paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('mentor_offers_user_idx').on(t.userId)]
);

export const mentoringStatuses = [
	'requested',
	'confirmed',
	'declined',
	'withdrawn',
	'ended'
] as const;
export type MentoringStatus = (typeof mentoringStatuses)[number];

/** A learner's request and, once confirmed, the pair it became. */
export const mentoringPairs = sqliteTable(
	'mentoring_pairs',
	{
		id: text('id').primaryKey(),
		menteeId: text('mentee_id')
			.notNull()
			.references(() => users.id),
		/** The offer asked for; null: "any mentor" (staff choose at confirmation). */
		offerId: text('offer_id').references(() => mentorOffers.id, { onDelete: 'set null' }),
		/** Set at confirmation (from the offer); kept when the offer goes. */
		mentorId: text('mentor_id').references(() => users.id),
		message: text('message').notNull(),
		status: text('status', { enum: mentoringStatuses }).notNull().default('requested'),
		decidedBy: text('decided_by').references(() => users.id),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		declineReason: text('decline_reason'),
		endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		index('mentoring_pairs_mentee_idx').on(t.menteeId, t.status),
		index('mentoring_pairs_mentor_idx').on(t.mentorId, t.status),
		index('mentoring_pairs_status_idx').on(t.status, t.createdAt)
	]
);

export const mentoringMessages = sqliteTable(
	'mentoring_messages',
	{
		id: text('id').primaryKey(),
		pairId: text('pair_id')
			.notNull()
			.references(() => mentoringPairs.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		/** Markdown; shown through the submissions' sanitiser. */
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('mentoring_messages_pair_idx').on(t.pairId, t.createdAt)]
);

export const mentoringMeetings = sqliteTable(
	'mentoring_meetings',
	{
		id: text('id').primaryKey(),
		pairId: text('pair_id')
			.notNull()
			.references(() => mentoringPairs.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		/** Berlin calendar day, YYYY-MM-DD. */
		metOn: text('met_on').notNull(),
		topic: text('topic').notNull(),
		note: text('note').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('mentoring_meetings_pair_idx').on(t.pairId, t.metOn)]
);
