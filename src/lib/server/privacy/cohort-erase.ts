import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { deleteStoredUpload } from '../assignments/uploads';
import { deleteUploadsOf } from '../discussions';
import { getDb, type Db } from '../db';
import {
	attendance,
	caseConsultations,
	cohorts,
	completionEvents,
	discussionPosts,
	discussionReads,
	discussionReports,
	discussionThreads,
	enrolments,
	moduleUnlocks,
	quizAttemptGrants,
	quizAttempts,
	retentionWarnings,
	sharedSubmissions,
	submissionFiles,
	submissions
} from '../db/schema';
import { createStandIn } from './stand-in';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The learner's part of the cohort's Austausch, as when an account is deleted: their threads,
 * posts and reports stay for the others, under the stand-in ("ehemalige*r Teilnehmende*r");
 * what they had read and the files they attached go (returned: the files to remove from disk).
 */
function anonymiseDiscussionPart(
	tx: Tx,
	cohortId: string,
	userId: string,
	standInId: string,
	now: Date
): string[] {
	const cohortThreads = tx
		.select({ id: discussionThreads.id })
		.from(discussionThreads)
		.where(eq(discussionThreads.cohortId, cohortId));
	const cohortPosts = tx
		.select({ id: discussionPosts.id })
		.from(discussionPosts)
		.where(inArray(discussionPosts.threadId, cohortThreads));
	tx.update(discussionThreads)
		.set({ authorId: standInId })
		.where(and(eq(discussionThreads.cohortId, cohortId), eq(discussionThreads.authorId, userId)))
		.run();
	tx.update(discussionPosts)
		.set({ authorId: standInId })
		.where(
			and(inArray(discussionPosts.threadId, cohortThreads), eq(discussionPosts.authorId, userId))
		)
		.run();
	tx.update(discussionReports)
		.set({ reporterId: standInId })
		.where(
			and(inArray(discussionReports.postId, cohortPosts), eq(discussionReports.reporterId, userId))
		)
		.run();
	tx.delete(discussionReads)
		.where(
			and(inArray(discussionReads.threadId, cohortThreads), eq(discussionReads.userId, userId))
		)
		.run();
	// A shared Praxisaufgabe is a copy of the submission, which goes: its text goes too.
	const ownShares = and(
		inArray(sharedSubmissions.threadId, cohortThreads),
		eq(sharedSubmissions.authorId, userId)
	);
	tx.update(sharedSubmissions)
		.set({ text: null, revokedAt: now })
		.where(and(ownShares, isNull(sharedSubmissions.revokedAt)))
		.run();
	tx.update(sharedSubmissions).set({ authorId: standInId }).where(ownShares).run();
	// A Fallberatung keeps the roles; the person's shows as the stand-in.
	const inCohort = inArray(caseConsultations.threadId, cohortThreads);
	tx.update(caseConsultations)
		.set({ caseGiverId: standInId })
		.where(and(inCohort, eq(caseConsultations.caseGiverId, userId)))
		.run();
	tx.update(caseConsultations)
		.set({ moderatorId: standInId })
		.where(and(inCohort, eq(caseConsultations.moderatorId, userId)))
		.run();
	return deleteUploadsOf(tx, userId, cohortPosts);
}

/**
 * Retention after a cohort's end: a learner's data from that cohort goes (enrolment, attendance,
 * early unlocks, extra quiz attempts granted, submissions with their files, progress in the
 * course); quiz attempts stay for the statistics, re-pointed to an anonymous stand-in, and so do
 * their Austausch posts. Certificates stay: they are the person's proof. The account itself stays (it may be in other cohorts).
 */
export async function eraseCohortData(
	cohortId: string,
	userId: string,
	now = new Date()
): Promise<boolean> {
	const db = getDb();
	const outcome = db.transaction(
		(tx) => {
			const cohort = tx
				.select({ courseId: cohorts.courseId })
				.from(cohorts)
				.where(eq(cohorts.id, cohortId))
				.get();
			const enrolment = tx
				.select({ id: enrolments.id })
				.from(enrolments)
				.where(and(eq(enrolments.userId, userId), eq(enrolments.cohortId, cohortId)))
				.get();
			if (!cohort || !enrolment) return null;
			const own = and(eq(submissions.userId, userId), eq(submissions.cohortId, cohortId));
			const submissionIds = tx
				.select({ id: submissions.id })
				.from(submissions)
				.where(own)
				.all()
				.map((row) => row.id);
			const storedNames = submissionIds.length
				? tx
						.select({ storedName: submissionFiles.storedName })
						.from(submissionFiles)
						.where(inArray(submissionFiles.submissionId, submissionIds))
						.all()
						.map((row) => row.storedName)
				: [];
			tx.delete(submissions).where(own).run();
			tx.delete(attendance)
				.where(and(eq(attendance.userId, userId), eq(attendance.cohortId, cohortId)))
				.run();
			tx.delete(moduleUnlocks)
				.where(and(eq(moduleUnlocks.userId, userId), eq(moduleUnlocks.cohortId, cohortId)))
				.run();
			tx.delete(completionEvents)
				.where(
					and(eq(completionEvents.userId, userId), eq(completionEvents.courseId, cohort.courseId))
				)
				.run();
			const standInId = createStandIn(tx, now);
			tx.update(quizAttempts)
				.set({ userId: standInId })
				.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.cohortId, cohortId)))
				.run();
			// The cohort's attempts no longer count for the learner: neither do its extra ones.
			tx.delete(quizAttemptGrants)
				.where(and(eq(quizAttemptGrants.userId, userId), eq(quizAttemptGrants.cohortId, cohortId)))
				.run();
			storedNames.push(...anonymiseDiscussionPart(tx, cohortId, userId, standInId, now));
			tx.delete(enrolments).where(eq(enrolments.id, enrolment.id)).run();
			tx.delete(retentionWarnings)
				.where(
					and(
						eq(retentionWarnings.userId, userId),
						eq(retentionWarnings.reason, 'cohort_ended'),
						eq(retentionWarnings.objectId, cohortId)
					)
				)
				.run();
			recordAudit(
				{
					actorId: null,
					action: 'cohort.personal_data_deleted',
					objectType: 'cohort',
					objectId: cohortId,
					subjectUserId: userId,
					details: { submissions: submissionIds.length, files: storedNames.length }
				},
				tx,
				now
			);
			return storedNames;
		},
		{ behavior: 'immediate' }
	);
	if (!outcome) return false;
	await Promise.all(outcome.map((name) => deleteStoredUpload(name)));
	return true;
}
