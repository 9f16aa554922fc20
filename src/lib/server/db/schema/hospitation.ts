import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { users } from './accounts';

// Hospitation: organisations (entered by admins) offer job-shadowing places; learners apply.

export const hospitationOrganisations = sqliteTable('hospitation_organisations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	/** Bezirk and address, as one line each. */
	district: text('district').notNull(),
	address: text('address').notNull(),
	/** A contact person or desk with phone or e-mail: the organisation's, not a learner's. */
	contact: text('contact').notNull(),
	createdAt: createdAt()
});

export const hospitationOffers = sqliteTable(
	'hospitation_offers',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => hospitationOrganisations.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull(),
		/** How many learners can be accepted. */
		places: integer('places').notNull(),
		/** Berlin calendar days, YYYY-MM-DD. */
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on').notNull(),
		/** Set when an admin closes the offer: no new applications, existing ones stay. */
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('hospitation_offers_org_idx').on(t.organisationId)]
);

/** `withdrawn`: the learner took back an application nobody had decided yet. */
export const hospitationStatuses = ['applied', 'accepted', 'declined', 'withdrawn'] as const;
export type HospitationStatus = (typeof hospitationStatuses)[number];

export const hospitationApplications = sqliteTable(
	'hospitation_applications',
	{
		id: text('id').primaryKey(),
		offerId: text('offer_id')
			.notNull()
			.references(() => hospitationOffers.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		motivation: text('motivation').notNull(),
		status: text('status', { enum: hospitationStatuses }).notNull().default('applied'),
		decidedBy: text('decided_by').references(() => users.id),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		declineReason: text('decline_reason'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('hospitation_applications_offer_user_idx').on(t.offerId, t.userId),
		index('hospitation_applications_status_idx').on(t.status, t.createdAt)
	]
);
