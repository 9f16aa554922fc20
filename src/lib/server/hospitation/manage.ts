import { and, count, eq, inArray, isNull, isNotNull } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db';
import {
	hospitationApplications as applications,
	hospitationOffers as offers,
	hospitationOrganisations as organisations
} from '../db/schema';
import type { HospitationOfferInput, OrganisationInput } from './hospitation';

// Admins keep organisations and offers up to date: edit, close and reopen an offer, delete an
// organisation nobody has applied to. The routes ask for the admin role; every change is audited.

type Refusal<R extends string> = { ok: false; reason: R };
const refuse = <R extends string>(reason: R) => ({ ok: false as const, reason });
type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

export function getOrganisation(id: string) {
	return getDb()
		.select({
			id: organisations.id,
			name: organisations.name,
			district: organisations.district,
			address: organisations.address,
			contact: organisations.contact
		})
		.from(organisations)
		.where(eq(organisations.id, id))
		.get();
}

export function getHospitationOffer(id: string) {
	return getDb()
		.select({
			id: offers.id,
			organisationId: offers.organisationId,
			title: offers.title,
			description: offers.description,
			places: offers.places,
			startsOn: offers.startsOn,
			endsOn: offers.endsOn,
			closedAt: offers.closedAt
		})
		.from(offers)
		.where(eq(offers.id, id))
		.get();
}

const acceptedIn = (tx: Tx, offerId: string) =>
	tx
		.select({ n: count() })
		.from(applications)
		.where(and(eq(applications.offerId, offerId), eq(applications.status, 'accepted')))
		.get()?.n ?? 0;

export function updateOrganisation(
	admin: SessionUser,
	id: string,
	input: OrganisationInput
): { ok: true } | Refusal<'not_found'> {
	return getDb().transaction((tx) => {
		const changed = tx.update(organisations).set(input).where(eq(organisations.id, id)).run();
		if (changed.changes !== 1) return refuse('not_found');
		recordAudit(
			{
				actorId: admin.id,
				action: 'hospitation.organisation_updated',
				objectType: 'hospitation_organisation',
				objectId: id,
				details: { name: input.name }
			},
			tx
		);
		return { ok: true as const };
	});
}

/** Only while no offer of it has applications: those are learners' records (and Praxisaufgaben may cite them). */
export function deleteOrganisation(
	admin: SessionUser,
	id: string
): { ok: true } | Refusal<'not_found' | 'has_applications'> {
	return getDb().transaction(
		(tx) => {
			const organisation = tx
				.select({ name: organisations.name })
				.from(organisations)
				.where(eq(organisations.id, id))
				.get();
			if (!organisation) return refuse('not_found');
			const offerIds = tx
				.select({ id: offers.id })
				.from(offers)
				.where(eq(offers.organisationId, id))
				.all()
				.map((row) => row.id);
			const applied = offerIds.length
				? (tx
						.select({ n: count() })
						.from(applications)
						.where(inArray(applications.offerId, offerIds))
						.get()?.n ?? 0)
				: 0;
			if (applied > 0) return refuse('has_applications');
			tx.delete(offers).where(eq(offers.organisationId, id)).run();
			tx.delete(organisations).where(eq(organisations.id, id)).run();
			recordAudit(
				{
					actorId: admin.id,
					action: 'hospitation.organisation_deleted',
					objectType: 'hospitation_organisation',
					objectId: id,
					details: { name: organisation.name, offers: offerIds.length }
				},
				tx
			);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

/** Fewer places than already accepted would break a promise made to learners: refused. */
export function updateHospitationOffer(
	admin: SessionUser,
	id: string,
	input: HospitationOfferInput
): { ok: true } | Refusal<'not_found' | 'unknown_organisation' | 'places_taken'> {
	return getDb().transaction(
		(tx) => {
			const offer = tx.select({ id: offers.id }).from(offers).where(eq(offers.id, id)).get();
			if (!offer) return refuse('not_found');
			const organisation = tx
				.select({ id: organisations.id })
				.from(organisations)
				.where(eq(organisations.id, input.organisationId))
				.get();
			if (!organisation) return refuse('unknown_organisation');
			if (input.places < acceptedIn(tx, id)) return refuse('places_taken');
			tx.update(offers).set(input).where(eq(offers.id, id)).run();
			recordAudit(
				{
					actorId: admin.id,
					action: 'hospitation.offer_updated',
					objectType: 'hospitation_offer',
					objectId: id,
					details: { title: input.title, places: input.places }
				},
				tx
			);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

/** A closed offer takes no new applications; the existing ones stay and can still be decided. */
export function setHospitationOfferClosed(
	admin: SessionUser,
	id: string,
	closed: boolean,
	now = new Date()
): { ok: true } | Refusal<'not_found' | 'unchanged'> {
	return getDb().transaction((tx) => {
		const offer = tx.select({ title: offers.title }).from(offers).where(eq(offers.id, id)).get();
		if (!offer) return refuse('not_found');
		const changed = tx
			.update(offers)
			.set({ closedAt: closed ? now : null })
			.where(and(eq(offers.id, id), closed ? isNull(offers.closedAt) : isNotNull(offers.closedAt)))
			.run();
		if (changed.changes !== 1) return refuse('unchanged');
		recordAudit(
			{
				actorId: admin.id,
				action: closed ? 'hospitation.offer_closed' : 'hospitation.offer_reopened',
				objectType: 'hospitation_offer',
				objectId: id,
				details: { title: offer.title }
			},
			tx,
			now
		);
		return { ok: true as const };
	});
}
