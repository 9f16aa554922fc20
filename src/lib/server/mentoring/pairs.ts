import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { recordAudit } from '../audit';
import type { SessionUser } from '../auth/session';
import { leadsLearner } from '../cohorts/access';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { mentoringPairs, mentorOffers, users, type MentoringStatus } from '../db/schema';
import { isAlumnus } from './eligibility';
import { retractUnreadNotices } from '../notifications';
import { notifyPair, notifyRequest, requestNoticeKey } from './notify';
import { confirmedCounts } from './offers';
import { canMove, hasRoom, openStatuses } from './state';

export type Pair = typeof mentoringPairs.$inferSelect;

type Refusal<R extends string> = { ok: false; reason: R };

/** A learner asks for a mentor: one of the listed offers, or anyone fitting (offerId null). */
export function requestMentor(
	mentee: SessionUser,
	offerId: string | null,
	message: string,
	now = new Date()
): { ok: true; pairId: string } | Refusal<'not_learner' | 'open_exists' | 'offer_unavailable'> {
	if (mentee.role !== 'learner') return { ok: false, reason: 'not_learner' };
	const db = getDb();
	return db.transaction(
		(tx) => {
			const open = tx
				.select({ id: mentoringPairs.id })
				.from(mentoringPairs)
				.where(
					and(eq(mentoringPairs.menteeId, mentee.id), inArray(mentoringPairs.status, openStatuses))
				)
				.get();
			if (open) return { ok: false as const, reason: 'open_exists' as const };
			if (offerId) {
				const offer = tx
					.select({ userId: mentorOffers.userId, paused: mentorOffers.paused })
					.from(mentorOffers)
					.where(eq(mentorOffers.id, offerId))
					.get();
				if (!offer || offer.paused || offer.userId === mentee.id) {
					return { ok: false as const, reason: 'offer_unavailable' as const };
				}
			}
			const pairId = generateId();
			tx.insert(mentoringPairs)
				.values({ id: pairId, menteeId: mentee.id, offerId, message, createdAt: now })
				.run();
			notifyRequest({ pairId, mentee, message }, now);
			return { ok: true as const, pairId };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * The learner takes back a request nobody has decided yet: it leaves the deciders' list, and
 * their notices of it go unless they have read them.
 */
export function withdrawRequest(mentee: SessionUser, pairId: string): boolean {
	return getDb().transaction((tx) => {
		const result = tx
			.update(mentoringPairs)
			.set({ status: 'withdrawn' })
			.where(
				and(
					eq(mentoringPairs.id, pairId),
					eq(mentoringPairs.menteeId, mentee.id),
					eq(mentoringPairs.status, 'requested')
				)
			)
			.run();
		if (result.changes !== 1) return false;
		retractUnreadNotices(requestNoticeKey(pairId));
		return true;
	});
}

const mentee = alias(users, 'mentee');
const mentor = alias(users, 'mentor');
const offerOwner = alias(users, 'offer_owner');

const pairColumns = {
	id: mentoringPairs.id,
	status: mentoringPairs.status,
	message: mentoringPairs.message,
	declineReason: mentoringPairs.declineReason,
	createdAt: mentoringPairs.createdAt,
	menteeId: mentoringPairs.menteeId,
	menteeName: mentee.name,
	mentorId: mentoringPairs.mentorId,
	mentorName: mentor.name,
	offerId: mentoringPairs.offerId,
	offerOwnerName: offerOwner.name
};

function pairQuery() {
	return getDb()
		.select(pairColumns)
		.from(mentoringPairs)
		.innerJoin(mentee, eq(mentee.id, mentoringPairs.menteeId))
		.leftJoin(mentor, eq(mentor.id, mentoringPairs.mentorId))
		.leftJoin(mentorOffers, eq(mentorOffers.id, mentoringPairs.offerId))
		.leftJoin(offerOwner, eq(offerOwner.id, mentorOffers.userId));
}

export type PairRow = Awaited<ReturnType<ReturnType<typeof pairQuery>['all']>>[number];

/** A person's requests as mentee and pairs as mentor, newest first. */
export function listOwnPairs(userId: string) {
	const rows = pairQuery()
		.where(or(eq(mentoringPairs.menteeId, userId), eq(mentoringPairs.mentorId, userId)))
		.orderBy(desc(mentoringPairs.createdAt))
		.all();
	return {
		asMentee: rows.filter((row) => row.menteeId === userId),
		asMentor: rows.filter((row) => row.mentorId === userId)
	};
}

/** Undecided requests of the learners this staff member decides for, oldest first. */
export function listOpenRequests(staff: SessionUser) {
	return pairQuery()
		.where(eq(mentoringPairs.status, 'requested'))
		.orderBy(mentoringPairs.createdAt)
		.all()
		.filter((row) => leadsLearner(staff, row.menteeId));
}

/**
 * A pair's page is for its two people only: not staff, not even admins (the thread is a
 * private conversation; safeguarding concerns go through the Meldestellen, not by reading along).
 */
export function getPairFor(user: SessionUser, pairId: string): PairRow | undefined {
	const row = pairQuery().where(eq(mentoringPairs.id, pairId)).get();
	if (!row || (row.status !== 'confirmed' && row.status !== 'ended')) return undefined;
	return row.menteeId === user.id || row.mentorId === user.id ? row : undefined;
}

export type ConfirmResult =
	{ ok: true } | Refusal<'not_found' | 'not_open' | 'choose_offer' | 'offer_unavailable' | 'full'>;

/**
 * Staff confirm a request, choosing the offer when the learner asked for "any". The mentor's
 * capacity is checked and taken in one write transaction, so two confirmations at once cannot
 * both fill the last place.
 */
export function confirmPairing(
	staff: SessionUser,
	pairId: string,
	chosenOfferId: string | null,
	now = new Date()
): ConfirmResult {
	return getDb().transaction(
		(tx) => {
			const pair = tx.select().from(mentoringPairs).where(eq(mentoringPairs.id, pairId)).get();
			if (!pair || !leadsLearner(staff, pair.menteeId)) return refuse('not_found');
			if (!canMove(pair.status, 'confirmed')) return refuse('not_open');
			const offerId = pair.offerId ?? chosenOfferId;
			if (!offerId) return refuse('choose_offer');
			const offer = tx.select().from(mentorOffers).where(eq(mentorOffers.id, offerId)).get();
			if (!offer || offer.paused || offer.userId === pair.menteeId || !isAlumnus(offer.userId)) {
				return refuse('offer_unavailable');
			}
			const taken = confirmedCounts([offer.userId]).get(offer.userId) ?? 0;
			if (!hasRoom(taken, offer.capacity)) return refuse('full');
			tx.update(mentoringPairs)
				.set({
					status: 'confirmed',
					offerId,
					mentorId: offer.userId,
					decidedBy: staff.id,
					decidedAt: now
				})
				.where(eq(mentoringPairs.id, pairId))
				.run();
			recordAudit(
				{
					actorId: staff.id,
					action: 'mentoring.confirmed',
					objectType: 'mentoring_pair',
					objectId: pairId,
					subjectUserId: pair.menteeId,
					details: { mentorId: offer.userId }
				},
				tx,
				now
			);
			const names = namesOf([pair.menteeId, offer.userId]);
			notifyPair(
				pair.menteeId,
				'confirmed',
				{ pairId, otherName: names.get(offer.userId) ?? '', key: `${pairId}:confirmed` },
				now
			);
			notifyPair(
				offer.userId,
				'confirmed',
				{ pairId, otherName: names.get(pair.menteeId) ?? '', key: `${pairId}:confirmed` },
				now
			);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

export function declinePairing(
	staff: SessionUser,
	pairId: string,
	reason: string,
	now = new Date()
): { ok: true } | Refusal<'not_found' | 'not_open'> {
	return getDb().transaction(
		(tx) => {
			const pair = tx.select().from(mentoringPairs).where(eq(mentoringPairs.id, pairId)).get();
			if (!pair || !leadsLearner(staff, pair.menteeId)) return refuse('not_found');
			if (!canMove(pair.status, 'declined')) return refuse('not_open');
			tx.update(mentoringPairs)
				.set({ status: 'declined', declineReason: reason, decidedBy: staff.id, decidedAt: now })
				.where(eq(mentoringPairs.id, pairId))
				.run();
			recordAudit(
				{
					actorId: staff.id,
					action: 'mentoring.declined',
					objectType: 'mentoring_pair',
					objectId: pairId,
					subjectUserId: pair.menteeId,
					details: { reason }
				},
				tx,
				now
			);
			notifyPair(
				pair.menteeId,
				'declined',
				{ pairId, otherName: staff.name, key: `${pairId}:declined` },
				now
			);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

/** Either person ends a confirmed pair; the thread and log stay readable for both. */
export function endPairing(pair: PairRow, now = new Date()): boolean {
	if (!canMove(pair.status as MentoringStatus, 'ended')) return false;
	const result = getDb()
		.update(mentoringPairs)
		.set({ status: 'ended', endedAt: now })
		.where(and(eq(mentoringPairs.id, pair.id), eq(mentoringPairs.status, 'confirmed')))
		.run();
	return result.changes === 1;
}

const refuse = <R extends string>(reason: R) => ({ ok: false as const, reason });

function namesOf(ids: string[]): Map<string, string> {
	const rows = getDb()
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(inArray(users.id, ids))
		.all();
	return new Map(rows.map((row) => [row.id, row.name]));
}
