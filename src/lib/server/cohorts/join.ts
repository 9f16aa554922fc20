import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { usableInvite, type InviteStatus } from '../auth/invites';
import type { SessionUser } from '../auth/session';
import { generateId } from '../crypto/tokens';
import { getCourse } from '../content';
import { getDb } from '../db';
import { cohorts, enrolments, invites, users } from '../db/schema';

// How an existing account comes into a cohort: the learner accepts an invite to it, or an
// admin assigns them (with a confirmation). Nothing else moves a learner between cohorts, and
// every move is in the audit log. What the learner did in an earlier cohort stays with it.

type Db = ReturnType<typeof getDb>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Reader = Pick<Db, 'select'>;

interface CohortRef {
	id: string;
	name: string;
	courseId: string;
}

/**
 * Enrols the learner in the cohort's course or moves their enrolment to the cohort; a move from
 * another cohort is recorded as `cohort.learner_moved`.
 */
function placeInCohort(
	tx: Tx,
	userId: string,
	cohort: CohortRef,
	actor: { id: string; ip: string | null },
	now: Date
): { from: string | null } {
	const existing = tx
		.select({ id: enrolments.id, cohortId: enrolments.cohortId })
		.from(enrolments)
		.where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, cohort.courseId)))
		.get();
	if (!existing) {
		tx.insert(enrolments)
			.values({
				id: generateId(),
				userId,
				courseId: cohort.courseId,
				cohortId: cohort.id,
				joinedCohortAt: now
			})
			.run();
		return { from: null };
	}
	tx.update(enrolments)
		.set({ cohortId: cohort.id, joinedCohortAt: now })
		.where(eq(enrolments.id, existing.id))
		.run();
	if (existing.cohortId) {
		recordAudit(
			{
				actorId: actor.id,
				action: 'cohort.learner_moved',
				objectType: 'enrolment',
				objectId: existing.id,
				subjectUserId: userId,
				ip: actor.ip,
				details: { courseId: cohort.courseId, from: existing.cohortId, to: cohort.id }
			},
			tx,
			now
		);
	}
	return { from: existing.cohortId };
}

function currentCohortOf(reader: Reader, userId: string, courseId: string): string | null {
	return (
		reader
			.select({ cohortId: enrolments.cohortId })
			.from(enrolments)
			.where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId)))
			.get()?.cohortId ?? null
	);
}

function cohortName(reader: Reader, id: string): { id: string; name: string } | null {
	return (
		reader
			.select({ id: cohorts.id, name: cohorts.name })
			.from(cohorts)
			.where(eq(cohorts.id, id))
			.get() ?? null
	);
}

export type InviteAcceptance =
	| {
			ok: true;
			cohort: CohortRef;
			courseTitle: string;
			/** The learner's current cohort in the course, which accepting leaves. */
			from: { id: string; name: string } | null;
			inviteId: string;
	  }
	| {
			ok: false;
			reason:
				Exclude<InviteStatus, 'valid'> | 'email_mismatch' | 'not_for_account' | 'already_in_cohort';
	  };

/**
 * Whether this signed-in account can accept the invite: a valid learner invite to a cohort,
 * bound to no address or to the account's own, for an account that is a learner.
 */
export function checkCohortInvite(
	token: string,
	user: SessionUser,
	now = new Date(),
	reader: Reader = getDb()
): InviteAcceptance {
	const usable = usableInvite(reader, token, user.email, now);
	if ('problem' in usable) return { ok: false, reason: usable.problem };
	const { invite } = usable;
	const cohort = invite.cohortId
		? reader
				.select({ id: cohorts.id, name: cohorts.name, courseId: cohorts.courseId })
				.from(cohorts)
				.where(eq(cohorts.id, invite.cohortId))
				.get()
		: undefined;
	if (!cohort || invite.role !== 'learner' || user.role !== 'learner') {
		return { ok: false, reason: 'not_for_account' };
	}
	const fromId = currentCohortOf(reader, user.id, cohort.courseId);
	if (fromId === cohort.id) return { ok: false, reason: 'already_in_cohort' };
	return {
		ok: true,
		cohort,
		courseTitle: getCourse(cohort.courseId)?.title ?? cohort.courseId,
		from: fromId ? cohortName(reader, fromId) : null,
		inviteId: invite.id
	};
}

/** The learner accepts: one use of the invite, and they are in the cohort. */
export function acceptCohortInvite(
	token: string,
	user: SessionUser,
	ip: string | null,
	now = new Date()
): InviteAcceptance {
	return getDb().transaction(
		(tx): InviteAcceptance => {
			const checked = checkCohortInvite(token, user, now, tx);
			if (!checked.ok) return checked;
			const claimed = tx
				.update(invites)
				.set({ uses: sql`${invites.uses} + 1` })
				.where(and(eq(invites.id, checked.inviteId), lt(invites.uses, invites.maxUses)))
				.run();
			if (claimed.changes !== 1) return { ok: false, reason: 'used_up' };
			placeInCohort(tx, user.id, checked.cohort, { id: user.id, ip }, now);
			return checked;
		},
		{ behavior: 'immediate' }
	);
}

export interface CohortChange {
	learner: { id: string; name: string };
	course: { id: string; title: string };
	from: { id: string; name: string } | null;
	to: { id: string; name: string };
}

export type AssignResult =
	| ({ ok: true } & CohortChange)
	| { ok: false; reason: 'not_found' | 'not_learner' | 'already_in_cohort' };

function describeChange(reader: Reader, userId: string, cohortId: string): AssignResult {
	const learner = reader
		.select({ id: users.id, name: users.name, role: users.role })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	const to = reader
		.select({ id: cohorts.id, name: cohorts.name, courseId: cohorts.courseId })
		.from(cohorts)
		.where(eq(cohorts.id, cohortId))
		.get();
	if (!learner || !to) return { ok: false, reason: 'not_found' };
	if (learner.role !== 'learner') return { ok: false, reason: 'not_learner' };
	const fromId = currentCohortOf(reader, userId, to.courseId);
	if (fromId === to.id) return { ok: false, reason: 'already_in_cohort' };
	const from = fromId ? cohortName(reader, fromId) : null;
	return {
		ok: true,
		learner: { id: learner.id, name: learner.name },
		course: { id: to.courseId, title: getCourse(to.courseId)?.title ?? to.courseId },
		from,
		to: { id: to.id, name: to.name }
	};
}

/** What assigning would change, for the admin's confirmation step; writes nothing. */
export function previewCohortAssignment(userId: string, cohortId: string): AssignResult {
	return describeChange(getDb(), userId, cohortId);
}

/**
 * An admin puts a learner into a cohort: enrols them, or moves them from their current cohort
 * of the course (recorded in the audit log). Earlier attempts, submissions and certificates
 * stay with the cohort they were made in.
 */
export function assignLearnerToCohort(
	admin: SessionUser,
	userId: string,
	cohortId: string,
	ip: string | null,
	now = new Date()
): AssignResult {
	if (admin.role !== 'admin') return { ok: false, reason: 'not_found' };
	return getDb().transaction(
		(tx): AssignResult => {
			const change = describeChange(tx, userId, cohortId);
			if (!change.ok) return change;
			placeInCohort(
				tx,
				userId,
				{ id: change.to.id, name: change.to.name, courseId: change.course.id },
				{ id: admin.id, ip },
				now
			);
			return change;
		},
		{ behavior: 'immediate' }
	);
}

/** A learner's enrolments with their cohorts, for the admin's user page. */
export function listLearnerCohorts(userId: string) {
	return getDb()
		.select({
			courseId: enrolments.courseId,
			cohortId: enrolments.cohortId,
			cohortName: cohorts.name
		})
		.from(enrolments)
		.leftJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
		.where(eq(enrolments.userId, userId))
		.orderBy(asc(enrolments.courseId))
		.all()
		.map((row) => ({ ...row, courseTitle: getCourse(row.courseId)?.title ?? row.courseId }));
}

/** Every cohort, grouped by course, as choices for an admin. */
export function listCohortChoices() {
	const rows = getDb()
		.select({ id: cohorts.id, name: cohorts.name, courseId: cohorts.courseId })
		.from(cohorts)
		.orderBy(asc(cohorts.courseId), asc(cohorts.name))
		.all();
	const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
	for (const row of rows) {
		const label = getCourse(row.courseId)?.title ?? row.courseId;
		const group = groups.get(row.courseId) ?? { label, options: [] };
		group.options.push({ value: row.id, label: row.name });
		groups.set(row.courseId, group);
	}
	return [...groups.values()];
}
