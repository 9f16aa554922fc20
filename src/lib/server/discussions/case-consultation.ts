import { count, eq, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages.js';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db';
import {
	caseConsultationPosts,
	caseConsultations,
	discussionPosts,
	discussionThreads
} from '../db/schema';
import { discussionRoleOf, type DiscussionRole } from './access';
import { casePeople, notifyAssigned, notifyPhaseChange, type CasePeople } from './case-notify';
import { mayPost, maySteer, stepPhase, type PhaseStep, type PostRefusal } from './case-phases';
import { cohortSpace } from './space';
import { addReply, createThread, type Thread } from './threads';
import type { StoredAttachment } from './attachments';

// The kollegiale Fallberatung on top of an ordinary cohort thread: the roles, the phase and the
// phase of each post. Routes ask the rules in case-phases.ts through these functions.

export type CaseConsultation = typeof caseConsultations.$inferSelect;

export function getCaseConsultation(threadId: string): CaseConsultation | undefined {
	return getDb()
		.select()
		.from(caseConsultations)
		.where(eq(caseConsultations.threadId, threadId))
		.get();
}

export interface CaseRoleChoice {
	caseGiverId: string;
	moderatorId: string;
}

export type RoleErrors = Partial<Record<'caseGiverId' | 'moderatorId', string>>;

/** The Fallgeber*in is a learner of the cohort; the Moderation a learner or one of its trainers. */
export function checkRoles(people: CasePeople, choice: CaseRoleChoice): RoleErrors {
	const errors: RoleErrors = {};
	if (!people.members.some((person) => person.id === choice.caseGiverId))
		errors.caseGiverId = m.case_error_case_giver();
	if (![...people.members, ...people.trainers].some((person) => person.id === choice.moderatorId))
		errors.moderatorId = m.case_error_moderator();
	else if (choice.moderatorId === choice.caseGiverId)
		errors.moderatorId = m.case_error_same_person();
	return errors;
}

export type CaseCreation =
	| { ok: true; threadId: string }
	| { ok: false; errors: RoleErrors }
	| { ok: false; reason: 'not_allowed' };

/** A trainer opens the consultation; the opening post (phase 1) introduces roles and process. */
export function createCaseConsultation(
	trainer: SessionUser,
	cohortId: string,
	input: CaseRoleChoice & { title: string; body: string },
	now = new Date()
): CaseCreation {
	if (discussionRoleOf(trainer, cohortId) !== 'moderator')
		return { ok: false, reason: 'not_allowed' };
	const errors = checkRoles(casePeople(cohortId), input);
	if (Object.keys(errors).length) return { ok: false, errors };
	const threadId = getDb().transaction(
		(tx) => {
			const id = createThread(
				trainer,
				cohortSpace(cohortId),
				{ title: input.title, body: input.body, moduleId: null, itemId: null },
				now
			);
			tx.insert(caseConsultations)
				.values({
					threadId: id,
					caseGiverId: input.caseGiverId,
					moderatorId: input.moderatorId,
					phase: 1,
					phaseChangedAt: now
				})
				.run();
			const opening = tx
				.select({ id: discussionPosts.id })
				.from(discussionPosts)
				.where(eq(discussionPosts.threadId, id))
				.get();
			if (opening) tx.insert(caseConsultationPosts).values({ postId: opening.id, phase: 1 }).run();
			notifyAssigned(trainer, { id, title: input.title, cohortId }, input, {}, now);
			return id;
		},
		{ behavior: 'immediate' }
	);
	return { ok: true, threadId };
}

export type CaseRefusal = 'closed' | 'not_allowed';

/** The trainer changes who gives the case or moderates, until the consultation ends. */
export function setCaseRoles(
	trainer: SessionUser,
	thread: Thread,
	choice: CaseRoleChoice,
	now = new Date()
): { ok: true } | { ok: false; errors: RoleErrors } | { ok: false; reason: CaseRefusal } {
	if (!thread.cohortId) return { ok: false, reason: 'not_allowed' };
	const errors = checkRoles(casePeople(thread.cohortId), choice);
	if (Object.keys(errors).length) return { ok: false, errors };
	const cohortId = thread.cohortId;
	return getDb().transaction(
		(tx) => {
			const current = tx
				.select()
				.from(caseConsultations)
				.where(eq(caseConsultations.threadId, thread.id))
				.get();
			if (!current) return { ok: false as const, reason: 'not_allowed' as const };
			if (current.closedAt) return { ok: false as const, reason: 'closed' as const };
			tx.update(caseConsultations)
				.set({ caseGiverId: choice.caseGiverId, moderatorId: choice.moderatorId })
				.where(eq(caseConsultations.threadId, thread.id))
				.run();
			notifyAssigned(trainer, { ...thread, cohortId }, choice, current, now);
			return { ok: true as const };
		},
		{ behavior: 'immediate' }
	);
}

/**
 * The Moderation or a trainer moves one phase on or back; on from the last phase closes the
 * consultation and locks its thread. Everyone taking part hears of the new phase once.
 */
export function changePhase(
	actor: SessionUser,
	role: DiscussionRole,
	thread: Thread,
	step: PhaseStep,
	now = new Date()
): { ok: true; phase: number; closed: boolean } | { ok: false; reason: CaseRefusal } {
	return getDb().transaction(
		(tx) => {
			const current = tx
				.select()
				.from(caseConsultations)
				.where(eq(caseConsultations.threadId, thread.id))
				.get();
			if (!current || !maySteer(current, actor.id, role === 'moderator'))
				return { ok: false as const, reason: 'not_allowed' as const };
			const next = stepPhase({ phase: current.phase, closed: current.closedAt !== null }, step);
			if (!next.ok) return { ok: false as const, reason: 'closed' as const };
			tx.update(caseConsultations)
				.set({ phase: next.phase, phaseChangedAt: now, closedAt: next.closed ? now : null })
				.where(eq(caseConsultations.threadId, thread.id))
				.run();
			if (next.closed)
				tx.update(discussionThreads)
					.set({ lockedAt: now })
					.where(eq(discussionThreads.id, thread.id))
					.run();
			if (thread.cohortId)
				notifyPhaseChange(
					actor,
					{ ...thread, cohortId: thread.cohortId, moderatorId: current.moderatorId },
					next,
					now
				);
			return { ok: true as const, phase: next.phase, closed: next.closed };
		},
		{ behavior: 'immediate' }
	);
}

export type ThreadReply =
	{ ok: true; postId: string } | { ok: false; reason: 'locked' | PostRefusal };

/**
 * A reply to any thread: in a Fallberatung only who the phase calls on (and the trainers) may
 * write, and the post keeps the phase it was written in.
 */
export function replyInThread(
	author: SessionUser,
	role: DiscussionRole,
	threadId: string,
	body: string,
	now = new Date(),
	attachments: StoredAttachment[] = []
): ThreadReply {
	return getDb().transaction(
		(tx) => {
			const consultation = tx
				.select()
				.from(caseConsultations)
				.where(eq(caseConsultations.threadId, threadId))
				.get();
			if (!consultation) return addReply(author, threadId, body, now, attachments);
			const allowed = mayPost(
				{ ...consultation, closed: consultation.closedAt !== null },
				author.id,
				role === 'moderator'
			);
			if (!allowed.ok) return allowed;
			const result = addReply(author, threadId, body, now, attachments);
			if (result.ok)
				tx.insert(caseConsultationPosts)
					.values({ postId: result.postId, phase: consultation.phase })
					.run();
			return result;
		},
		{ behavior: 'immediate' }
	);
}

/** The phase each of these posts was written in (posts of ordinary threads have none). */
export function phasesOfPosts(postIds: string[]): Map<string, number> {
	if (!postIds.length) return new Map();
	const rows = getDb()
		.select({ postId: caseConsultationPosts.postId, phase: caseConsultationPosts.phase })
		.from(caseConsultationPosts)
		.where(inArray(caseConsultationPosts.postId, postIds))
		.all();
	return new Map(rows.map((row) => [row.postId, row.phase]));
}

/** The number of posts, for the closing summary. */
export function caseTally(threadId: string) {
	const row = getDb()
		.select({ posts: count() })
		.from(discussionPosts)
		.where(eq(discussionPosts.threadId, threadId))
		.get();
	return { posts: row?.posts ?? 0 };
}
