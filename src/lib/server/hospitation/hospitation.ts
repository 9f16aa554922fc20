import { and, asc, count, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/session';
import { leadsLearner } from '../cohorts/access';
import { applicationNoticeKey, notifyApplication, notifyDecision } from './notify';
import { retractUnreadNotices } from '../notifications';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import {
	hospitationApplications as applications,
	hospitationOffers as offers,
	hospitationOrganisations as organisations,
	users
} from '../db/schema';

type Refusal<R extends string> = { ok: false; reason: R };
const refuse = <R extends string>(reason: R) => ({ ok: false as const, reason });

export interface OrganisationInput {
	name: string;
	district: string;
	address: string;
	contact: string;
}

/** Admins enter the organisations (the route asks for the role); audited. */
export function createOrganisation(admin: SessionUser, input: OrganisationInput): string {
	const id = generateId();
	getDb().transaction((tx) => {
		tx.insert(organisations)
			.values({ id, ...input })
			.run();
		recordAudit(
			{
				actorId: admin.id,
				action: 'hospitation.organisation_created',
				objectType: 'hospitation_organisation',
				objectId: id,
				details: { name: input.name }
			},
			tx
		);
	});
	return id;
}

export interface HospitationOfferInput {
	organisationId: string;
	title: string;
	description: string;
	places: number;
	startsOn: string;
	endsOn: string;
}

export function createHospitationOffer(
	admin: SessionUser,
	input: HospitationOfferInput
): { ok: true; id: string } | Refusal<'unknown_organisation'> {
	return getDb().transaction((tx) => {
		const organisation = tx
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(organisations.id, input.organisationId))
			.get();
		if (!organisation) return refuse('unknown_organisation');
		const id = generateId();
		tx.insert(offers)
			.values({ id, ...input })
			.run();
		recordAudit(
			{
				actorId: admin.id,
				action: 'hospitation.offer_created',
				objectType: 'hospitation_offer',
				objectId: id,
				details: { title: input.title, places: input.places }
			},
			tx
		);
		return { ok: true as const, id };
	});
}

export function listOrganisations() {
	return getDb()
		.select({
			id: organisations.id,
			name: organisations.name,
			district: organisations.district,
			offers: sql<number>`(select count(*) from ${offers} where ${offers.organisationId} = ${organisations.id})`
		})
		.from(organisations)
		.orderBy(asc(organisations.name))
		.all();
}

function acceptedCount(offerId: string): number {
	return (
		getDb()
			.select({ n: count() })
			.from(applications)
			.where(and(eq(applications.offerId, offerId), eq(applications.status, 'accepted')))
			.get()?.n ?? 0
	);
}

/** Every offer with its organisation and free places, by start date. */
export function listHospitationOffers() {
	return getDb()
		.select({
			id: offers.id,
			title: offers.title,
			description: offers.description,
			places: offers.places,
			startsOn: offers.startsOn,
			endsOn: offers.endsOn,
			closedAt: offers.closedAt,
			organisation: organisations.name,
			district: organisations.district,
			address: organisations.address,
			contact: organisations.contact
		})
		.from(offers)
		.innerJoin(organisations, eq(organisations.id, offers.organisationId))
		.orderBy(asc(offers.startsOn), asc(offers.title))
		.all()
		.map(({ closedAt, ...offer }) => ({
			...offer,
			closed: closedAt !== null,
			freePlaces: Math.max(0, offer.places - acceptedCount(offer.id))
		}));
}

export function applyForHospitation(
	learner: SessionUser,
	offerId: string,
	motivation: string,
	now = new Date()
): { ok: true } | Refusal<'not_learner' | 'unknown_offer' | 'closed' | 'applied_already'> {
	if (learner.role !== 'learner') return refuse('not_learner');
	const offer = getDb()
		.select({ id: offers.id, closedAt: offers.closedAt })
		.from(offers)
		.where(eq(offers.id, offerId))
		.get();
	if (!offer) return refuse('unknown_offer');
	if (offer.closedAt) return refuse('closed');
	return getDb().transaction((tx) => {
		// A withdrawn application is the one row per offer and learner: applying again reopens it.
		const applied = tx
			.insert(applications)
			.values({ id: generateId(), offerId, userId: learner.id, motivation, createdAt: now })
			.onConflictDoUpdate({
				target: [applications.offerId, applications.userId],
				set: { motivation, status: 'applied', createdAt: now },
				where: eq(applications.status, 'withdrawn')
			})
			.returning({ id: applications.id })
			.get();
		if (!applied) return refuse('applied_already');
		notifyApplication({ id: applied.id, offerId, motivation }, learner, now);
		return { ok: true as const };
	});
}

/**
 * The learner takes back an application nobody has decided yet. Nobody is notified, as with a
 * mentoring request: the application leaves the deciders' list of open ones, and their notices
 * of it go unless they have read them.
 */
export function withdrawApplication(learner: SessionUser, applicationId: string): boolean {
	return getDb().transaction((tx) => {
		const result = tx
			.update(applications)
			.set({ status: 'withdrawn' })
			.where(
				and(
					eq(applications.id, applicationId),
					eq(applications.userId, learner.id),
					eq(applications.status, 'applied')
				)
			)
			.run();
		if (result.changes !== 1) return false;
		retractUnreadNotices(applicationNoticeKey(applicationId));
		return true;
	});
}

const applicationColumns = {
	id: applications.id,
	offerId: applications.offerId,
	status: applications.status,
	motivation: applications.motivation,
	declineReason: applications.declineReason,
	createdAt: applications.createdAt,
	userId: applications.userId,
	learnerName: users.name,
	offerTitle: offers.title,
	startsOn: offers.startsOn,
	endsOn: offers.endsOn,
	organisation: organisations.name
};

function applicationQuery() {
	return getDb()
		.select(applicationColumns)
		.from(applications)
		.innerJoin(users, eq(users.id, applications.userId))
		.innerJoin(offers, eq(offers.id, applications.offerId))
		.innerJoin(organisations, eq(organisations.id, offers.organisationId));
}

export function listOwnApplications(userId: string) {
	return applicationQuery()
		.where(eq(applications.userId, userId))
		.orderBy(asc(offers.startsOn))
		.all();
}

/** Undecided applications of the learners this staff member decides for (as for mentoring). */
export function listOpenApplications(staff: SessionUser) {
	return applicationQuery()
		.where(eq(applications.status, 'applied'))
		.orderBy(asc(applications.createdAt))
		.all()
		.filter((row) => leadsLearner(staff, row.userId));
}

/** Places are counted and taken in one write transaction. */
export function acceptApplication(
	staff: SessionUser,
	applicationId: string,
	now = new Date()
): { ok: true } | Refusal<'not_found' | 'not_open' | 'full'> {
	return getDb().transaction(
		(tx) => {
			const row = tx.select().from(applications).where(eq(applications.id, applicationId)).get();
			if (!row || !leadsLearner(staff, row.userId)) return refuse('not_found');
			if (row.status !== 'applied') return refuse('not_open');
			const offer = tx
				.select({ places: offers.places })
				.from(offers)
				.where(eq(offers.id, row.offerId))
				.get();
			if (!offer || acceptedCount(row.offerId) >= offer.places) return refuse('full');
			tx.update(applications)
				.set({ status: 'accepted', decidedBy: staff.id, decidedAt: now })
				.where(eq(applications.id, applicationId))
				.run();
			notifyDecision(row, 'hospitation_accepted', now);
			recordAudit(
				{
					actorId: staff.id,
					action: 'hospitation.accepted',
					objectType: 'hospitation_application',
					objectId: applicationId,
					subjectUserId: row.userId
				},
				tx,
				now
			);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

export function declineApplication(
	staff: SessionUser,
	applicationId: string,
	reason: string,
	now = new Date()
): { ok: true } | Refusal<'not_found' | 'not_open'> {
	return getDb().transaction(
		(tx) => {
			const row = tx.select().from(applications).where(eq(applications.id, applicationId)).get();
			if (!row || !leadsLearner(staff, row.userId)) return refuse('not_found');
			if (row.status !== 'applied') return refuse('not_open');
			tx.update(applications)
				.set({ status: 'declined', declineReason: reason, decidedBy: staff.id, decidedAt: now })
				.where(eq(applications.id, applicationId))
				.run();
			notifyDecision(row, 'hospitation_declined', now, reason);
			recordAudit(
				{
					actorId: staff.id,
					action: 'hospitation.declined',
					objectType: 'hospitation_application',
					objectId: applicationId,
					subjectUserId: row.userId,
					details: { reason }
				},
				tx,
				now
			);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

/** The learner's accepted Hospitationen: what a Praxisaufgabe may be about. */
export function acceptedHospitationsOf(userId: string) {
	return applicationQuery()
		.where(and(eq(applications.userId, userId), eq(applications.status, 'accepted')))
		.orderBy(asc(offers.startsOn))
		.all()
		.map((row) => ({
			id: row.id,
			label: `${row.offerTitle} – ${row.organisation}`
		}));
}

/** The label of a Hospitation linked from a submission (for the trainer's review). */
export function hospitationLabel(applicationId: string): string | null {
	const row = applicationQuery().where(eq(applications.id, applicationId)).get();
	return row ? `${row.offerTitle} – ${row.organisation}` : null;
}
