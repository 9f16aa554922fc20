import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db';
import { enrolments, users } from '../db/schema';
import { notify } from '../notifications';
import { threadUrl } from './links';
import { caseNoticeKey } from './notice-keys';
import { cohortSpace, trainerIdsOf } from './space';

// Who takes part in a cohort's Fallberatung, and what they hear: the Fallgeber*in and the
// Moderation when they are chosen (as a mention: it names them), everyone when the phase changes
// (as a reply: the Austausch's mail preference decides how often mail comes).

export interface CasePerson {
	id: string;
	name: string;
}

export interface CasePeople {
	/** The cohort's learners: Fallgeber*in, Moderation or Berater*innen. */
	members: CasePerson[];
	/** The cohort's trainers: may moderate. */
	trainers: CasePerson[];
}

function activePeople(ids: string[]): CasePerson[] {
	if (!ids.length) return [];
	return getDb()
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(and(inArray(users.id, ids), eq(users.active, true), isNull(users.erasedAt)))
		.all()
		.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

export function casePeople(cohortId: string): CasePeople {
	const trainerIds = trainerIdsOf(cohortSpace(cohortId));
	const memberIds = getDb()
		.select({ id: enrolments.userId })
		.from(enrolments)
		.where(eq(enrolments.cohortId, cohortId))
		.all()
		.map((row) => row.id)
		.filter((id) => !trainerIds.has(id));
	return { members: activePeople(memberIds), trainers: activePeople([...trainerIds]) };
}

interface CaseThread {
	id: string;
	title: string;
	cohortId: string;
}

/** Tells the newly chosen Fallgeber*in and Moderation (not those who keep their role). */
export function notifyAssigned(
	actor: SessionUser,
	thread: CaseThread,
	roles: { caseGiverId: string; moderatorId: string },
	before: Partial<{ caseGiverId: string; moderatorId: string }>,
	now: Date
): void {
	const chosen = [
		{
			userId: roles.caseGiverId,
			notice: 'case_giver' as const,
			changed: roles.caseGiverId !== before.caseGiverId
		},
		{
			userId: roles.moderatorId,
			notice: 'moderation' as const,
			changed: roles.moderatorId !== before.moderatorId
		}
	];
	for (const { userId, notice, changed } of chosen) {
		if (!changed || userId === actor.id) continue;
		notify(
			{
				userId,
				kind: 'discussion_mention',
				data: { itemTitle: thread.title, learnerName: actor.name, caseNotice: notice },
				link: threadUrl(cohortSpace(thread.cohortId), thread.id),
				dedupeKey: `${caseNoticeKey(thread.id)}${notice}:${now.getTime()}:${userId}`
			},
			now
		);
	}
}

/** Once per change, to the cohort's learners and the Moderation (not to whoever moved it). */
export function notifyPhaseChange(
	actor: SessionUser,
	thread: CaseThread & { moderatorId?: string },
	next: { phase: number; closed: boolean },
	now: Date
): void {
	const people = casePeople(thread.cohortId);
	const recipients = new Set(people.members.map((person) => person.id));
	const moderator = people.trainers.find((person) => person.id === thread.moderatorId);
	if (moderator) recipients.add(moderator.id);
	recipients.delete(actor.id);
	for (const userId of recipients) {
		notify(
			{
				userId,
				kind: 'discussion_reply',
				data: {
					itemTitle: thread.title,
					learnerName: actor.name,
					caseNotice: next.closed ? 'closed' : 'phase',
					casePhase: next.phase
				},
				link: threadUrl(cohortSpace(thread.cohortId), thread.id),
				dedupeKey: `${caseNoticeKey(thread.id)}phase:${now.getTime()}:${userId}`
			},
			now
		);
	}
}
