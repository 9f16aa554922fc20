import { inArray, sql } from 'drizzle-orm';
import { formatDate } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db';
import { users } from '../db/schema';
import type { DiscussionRole } from './access';
import { caseTally, getCaseConsultation, type CaseConsultation } from './case-consultation';
import { casePeople } from './case-notify';
import {
	caseRoleOf,
	casePhases,
	mayPost,
	maySteer,
	PHASE_COUNT,
	writersOf,
	type CaseRole
} from './case-phases';
import { authorLabel } from './views';

// What the thread page shows of a Fallberatung: roles with names, the phases, who writes now.

const roleLabel = (role: CaseRole) =>
	({
		case_giver: m.case_role_case_giver,
		moderation: m.case_role_moderation,
		consultant: m.case_role_consultant
	})[role]();

/** Who writes in the phase, as one line ("Fallgeber*in, Moderation, Trainer*innen"). */
export function writersLine(phase: number): string {
	const labels = writersOf(phase).map((role) =>
		role === 'consultant' ? m.case_role_consultants() : roleLabel(role)
	);
	return [...labels, m.case_writers_trainer()].join(', ');
}

/** Why a reply was refused, in German, for the reply form. */
export function replyRefusalMessage(
	threadId: string,
	reason: 'locked' | 'closed' | 'not_your_phase'
) {
	if (reason === 'locked') return m.discussions_error_locked();
	if (reason === 'closed') return m.case_error_closed();
	const phase = getCaseConsultation(threadId)?.phase ?? 1;
	return m.case_error_not_your_phase({
		phase: casePhases()[phase - 1]?.title ?? '',
		writers: writersLine(phase)
	});
}

function namesOf(ids: string[]): Map<string, string> {
	if (!ids.length) return new Map();
	const rows = getDb()
		.select({
			id: users.id,
			authorName: users.name,
			authorErased: sql<boolean>`${users.erasedAt} is not null`.mapWith(Boolean)
		})
		.from(users)
		.where(inArray(users.id, ids))
		.all();
	// A deleted account's role stays, without the person (like its posts).
	return new Map(rows.map((row) => [row.id, authorLabel(row)]));
}

export type CaseConsultationView = ReturnType<typeof caseView>;

function caseView(
	consultation: CaseConsultation,
	cohortId: string,
	viewer: SessionUser,
	role: DiscussionRole
) {
	const trainer = role === 'moderator';
	const people = casePeople(cohortId);
	const names = namesOf([consultation.caseGiverId, consultation.moderatorId]);
	const closed = consultation.closedAt !== null;
	const consultants = people.members.filter(
		(person) => person.id !== consultation.caseGiverId && person.id !== consultation.moderatorId
	);
	const phases = casePhases();
	return {
		phase: consultation.phase,
		phaseCount: PHASE_COUNT,
		phases,
		closed,
		caseGiver: names.get(consultation.caseGiverId) ?? m.discussions_former_member(),
		moderator: names.get(consultation.moderatorId) ?? m.discussions_former_member(),
		consultants: consultants.map((person) => person.name),
		yourRole: role === 'member' ? roleLabel(caseRoleOf(consultation, viewer.id)) : null,
		writers: writersLine(consultation.phase),
		mayPost: mayPost({ ...consultation, closed }, viewer.id, trainer).ok,
		maySteer: !closed && maySteer(consultation, viewer.id, trainer),
		summary: consultation.closedAt
			? m.case_summary({
					date: formatDate(consultation.closedAt),
					posts: caseTally(consultation.threadId).posts,
					caseGiver: names.get(consultation.caseGiverId) ?? '',
					moderator: names.get(consultation.moderatorId) ?? ''
				})
			: null,
		/** Only the trainers change roles, and only before the end. */
		roleChoices:
			trainer && !closed
				? {
						caseGiverId: consultation.caseGiverId,
						moderatorId: consultation.moderatorId,
						members: people.members,
						trainers: people.trainers
					}
				: null
	};
}

/** The Fallberatung of a cohort thread, as its page shows it; null for an ordinary thread. */
export function caseConsultationView(
	thread: { id: string; cohortId: string | null },
	viewer: SessionUser,
	role: DiscussionRole
) {
	const consultation = thread.cohortId ? getCaseConsultation(thread.id) : undefined;
	if (!consultation || !thread.cohortId) return null;
	return caseView(consultation, thread.cohortId, viewer, role);
}
