import { recordAudit } from '../audit';
import { and, desc, eq } from 'drizzle-orm';
import { getItem } from '../content';
import type { SessionUser } from '../auth/session';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { reviews, submissionFiles, submissions, submissionVersions } from '../db/schema';
import { recordCompletion } from '../progress';
import { notifyFeedback } from './notify';
import { nextStatus } from './state';
import { copyStoredUpload, deleteStoredUpload, reportStorageFailure } from './uploads';
import { isUniqueViolation } from '../db/errors';
import type { CriterionRating, Decision } from '$lib/assignments';

export interface ReviewInput {
	submissionId: string;
	versionId: string;
	decision: Decision;
	feedback: string;
	ratings: CriterionRating[];
}

export type ReviewResult =
	{ ok: true } | { ok: false; reason: 'conflict' | 'not_found' | 'storage' };

/**
 * Records a trainer's decision on the latest submitted version. Only one review per version
 * exists (unique index): a second trainer deciding at the same time gets a conflict, and the
 * first decision stands. A revision starts from copies of the reviewed files, made before the
 * decision is stored: if the upload folder cannot be written, nothing is recorded.
 */
export async function reviewVersion(
	reviewer: SessionUser,
	input: ReviewInput,
	now = new Date()
): Promise<ReviewResult> {
	const db = getDb();
	const copies = input.decision === 'revision_requested' ? await copyFiles(input) : [];
	if (!copies) return { ok: false, reason: 'storage' };
	let outcome: ReviewResult;
	try {
		outcome = db.transaction((tx): ReviewResult => {
			const submission = tx
				.select()
				.from(submissions)
				.where(eq(submissions.id, input.submissionId))
				.get();
			if (!submission) return { ok: false, reason: 'not_found' };
			const latest = tx
				.select({ id: submissionVersions.id })
				.from(submissionVersions)
				.where(eq(submissionVersions.submissionId, submission.id))
				.orderBy(desc(submissionVersions.version))
				.get();
			const event = input.decision === 'accepted' ? 'accept' : 'request_revision';
			const status = nextStatus(submission.status, event);
			if (!latest || latest.id !== input.versionId || !status)
				return { ok: false, reason: 'conflict' };
			const reviewId = generateId();
			tx.insert(reviews)
				.values({
					id: reviewId,
					submissionId: submission.id,
					versionId: input.versionId,
					reviewerId: reviewer.id,
					decision: input.decision,
					feedback: input.feedback,
					ratings: input.ratings,
					createdAt: now
				})
				.run();
			tx.update(submissions)
				.set({ status, updatedAt: now })
				.where(eq(submissions.id, submission.id))
				.run();
			// The revision starts from the files just reviewed; the learner removes or adds.
			for (const copy of copies) {
				tx.insert(submissionFiles)
					.values({ ...copy, id: generateId(), versionId: null, uploadedAt: now })
					.run();
			}
			recordAudit(
				{
					actorId: reviewer.id,
					action: 'submission.reviewed',
					objectType: 'submission',
					objectId: submission.id,
					subjectUserId: submission.userId,
					details: { decision: input.decision, versionId: input.versionId, reviewId }
				},
				tx,
				now
			);
			// In the review's transaction: the learner's notification and mail exist exactly
			// when the decision does.
			notifyFeedback(
				submission,
				{ id: submission.itemId, title: getItem(submission.itemId)?.title ?? submission.itemId },
				{ decision: input.decision, reviewerName: reviewer.name, feedback: input.feedback },
				input.versionId,
				now
			);
			return { ok: true };
		});
	} catch (error) {
		await discard(copies);
		if (isUniqueViolation(error)) return { ok: false, reason: 'conflict' };
		throw error;
	}
	if (!outcome.ok) {
		await discard(copies);
		return outcome;
	}

	const submission = db
		.select()
		.from(submissions)
		.where(eq(submissions.id, input.submissionId))
		.get()!;
	const item = getItem(submission.itemId);
	if (input.decision === 'accepted' && item) {
		recordCompletion(submission.userId, submission.itemId, 'assignment_accepted');
	}
	return { ok: true };
}

type FileCopy = Omit<typeof submissionFiles.$inferSelect, 'id' | 'versionId' | 'uploadedAt'>;

/** Copies of a version's files under new names; null (and nothing left behind) if one fails. */
async function copyFiles(input: ReviewInput): Promise<FileCopy[] | null> {
	const files = getDb()
		.select()
		.from(submissionFiles)
		.where(
			and(
				eq(submissionFiles.versionId, input.versionId),
				eq(submissionFiles.submissionId, input.submissionId)
			)
		)
		.all();
	const copies: FileCopy[] = [];
	try {
		for (const { id: _id, versionId: _version, uploadedAt: _at, ...file } of files) {
			copies.push({ ...file, storedName: await copyStoredUpload(file.storedName) });
		}
		return copies;
	} catch (error) {
		reportStorageFailure(error);
		await discard(copies);
		return null;
	}
}

async function discard(copies: FileCopy[]): Promise<void> {
	for (const copy of copies) await deleteStoredUpload(copy.storedName);
}
