import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { deleteStoredUpload } from '../assignments/uploads';
import { getDb } from '../db';
import {
	attendance,
	cohorts,
	completionEvents,
	enrolments,
	moduleUnlocks,
	quizAttempts,
	retentionWarnings,
	submissionFiles,
	submissions
} from '../db/schema';
import { createStandIn } from './stand-in';

/**
 * Retention after a cohort's end: a learner's data from that cohort goes (enrolment, attendance,
 * early unlocks, submissions with their files, progress in the course); quiz attempts stay for
 * the statistics, re-pointed to an anonymous stand-in. Certificates stay: they are the person's
 * proof. The account itself stays (it may be in other cohorts).
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
