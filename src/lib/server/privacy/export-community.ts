import { eq, inArray, or } from 'drizzle-orm';
import { getDb } from '../db';
import * as t from '../db/schema';
import { rowsNaming } from './export-rows';

// The mentoring and Hospitation parts of a person's data export.

/** The person's offer, requests and pairs; of the other person only what the person saw. */
export function collectMentoring(userId: string) {
	const db = getDb();
	const offer = rowsNaming(userId, t.mentorOffers.userId, {
		topics: t.mentorOffers.topics,
		languages: t.mentorOffers.languages,
		capacity: t.mentorOffers.capacity,
		paused: t.mentorOffers.paused,
		createdAt: t.mentorOffers.createdAt
	});
	const pairs = db
		.select({
			id: t.mentoringPairs.id,
			menteeId: t.mentoringPairs.menteeId,
			mentorId: t.mentoringPairs.mentorId,
			message: t.mentoringPairs.message,
			status: t.mentoringPairs.status,
			declineReason: t.mentoringPairs.declineReason,
			decidedAt: t.mentoringPairs.decidedAt,
			endedAt: t.mentoringPairs.endedAt,
			createdAt: t.mentoringPairs.createdAt
		})
		.from(t.mentoringPairs)
		.where(or(eq(t.mentoringPairs.menteeId, userId), eq(t.mentoringPairs.mentorId, userId)))
		.all();
	const pairIds = pairs.map((pair) => pair.id);
	const messages = pairIds.length
		? db
				.select({
					pairId: t.mentoringMessages.pairId,
					own: eq(t.mentoringMessages.authorId, userId).mapWith(Boolean),
					body: t.mentoringMessages.body,
					createdAt: t.mentoringMessages.createdAt
				})
				.from(t.mentoringMessages)
				.where(inArray(t.mentoringMessages.pairId, pairIds))
				.all()
		: [];
	const meetings = pairIds.length
		? db
				.select({
					pairId: t.mentoringMeetings.pairId,
					metOn: t.mentoringMeetings.metOn,
					topic: t.mentoringMeetings.topic,
					note: t.mentoringMeetings.note,
					createdAt: t.mentoringMeetings.createdAt
				})
				.from(t.mentoringMeetings)
				.where(inArray(t.mentoringMeetings.pairId, pairIds))
				.all()
		: [];
	return {
		offer: offer[0] ?? null,
		pairs: pairs.map(({ menteeId, mentorId: _m, ...pair }) => ({
			...pair,
			role: menteeId === userId ? 'mentee' : 'mentor',
			messages: messages.filter((message) => message.pairId === pair.id),
			meetings: meetings.filter((meeting) => meeting.pairId === pair.id)
		}))
	};
}

/** The person's Hospitation applications, with the offer and organisation they were for. */
export function collectHospitation(userId: string) {
	return getDb()
		.select({
			organisation: t.hospitationOrganisations.name,
			offer: t.hospitationOffers.title,
			startsOn: t.hospitationOffers.startsOn,
			endsOn: t.hospitationOffers.endsOn,
			motivation: t.hospitationApplications.motivation,
			status: t.hospitationApplications.status,
			declineReason: t.hospitationApplications.declineReason,
			decidedAt: t.hospitationApplications.decidedAt,
			createdAt: t.hospitationApplications.createdAt
		})
		.from(t.hospitationApplications)
		.innerJoin(t.hospitationOffers, eq(t.hospitationOffers.id, t.hospitationApplications.offerId))
		.innerJoin(
			t.hospitationOrganisations,
			eq(t.hospitationOrganisations.id, t.hospitationOffers.organisationId)
		)
		.where(eq(t.hospitationApplications.userId, userId))
		.all();
}

/** The kollegiale Fallberatungen in which the person gave the case or moderated. */
export function collectCaseRoles(userId: string) {
	const c = t.caseConsultations;
	return getDb()
		.select({
			threadId: c.threadId,
			threadTitle: t.discussionThreads.title,
			cohortId: t.discussionThreads.cohortId,
			caseGiver: eq(c.caseGiverId, userId).mapWith(Boolean),
			moderation: eq(c.moderatorId, userId).mapWith(Boolean),
			phase: c.phase,
			closedAt: c.closedAt
		})
		.from(c)
		.innerJoin(t.discussionThreads, eq(t.discussionThreads.id, c.threadId))
		.where(or(eq(c.caseGiverId, userId), eq(c.moderatorId, userId)))
		.all();
}

/** Praxisaufgaben shared in the Austausch: the text while shared, null once withdrawn. */
export function collectSharedSubmissions(userId: string) {
	return rowsNaming(userId, t.sharedSubmissions.authorId, {
		threadId: t.sharedSubmissions.threadId,
		submissionId: t.sharedSubmissions.submissionId,
		text: t.sharedSubmissions.text,
		excerpt: t.sharedSubmissions.excerpt,
		sharedAt: t.sharedSubmissions.sharedAt,
		revokedAt: t.sharedSubmissions.revokedAt
	});
}
