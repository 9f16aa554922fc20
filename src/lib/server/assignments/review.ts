import { desc, eq } from 'drizzle-orm';
import { getItem } from '../content';
import type { SessionUser } from '../auth/session';
import { generateId } from '../auth/tokens';
import { getDb } from '../db';
import { reviews, submissionFiles, submissions, submissionVersions } from '../db/schema';
import { recordCompletion } from '../progress';
import { notifyFeedback } from './notify';
import { nextStatus } from './state';
import { copyStoredUpload } from './uploads';

export type Decision = 'accepted' | 'revision_requested';

export interface CriterionRating {
	criterionId: string;
	/** A level ID of the criterion, or met / partly / not_yet for a criterion without levels. */
	rating: string;
	/** The level's label at review time, so the review stays readable if the content changes. */
	levelLabel?: string;
	comment: string;
}

export interface ReviewInput {
	submissionId: string;
	versionId: string;
	decision: Decision;
	feedback: string;
	ratings: CriterionRating[];
}

export type ReviewResult = { ok: true } | { ok: false; reason: 'conflict' | 'not_found' };

const isUniqueViolation = (error: unknown) =>
	(error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * Records a trainer's decision on the latest submitted version. Only one review per version
 * exists (unique index): a second trainer deciding at the same time gets a conflict, and the
 * first decision stands.
 */
export async function reviewVersion(
	reviewer: SessionUser,
	input: ReviewInput,
	now = new Date()
): Promise<ReviewResult> {
	const db = getDb();
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
			tx.insert(reviews)
				.values({
					id: generateId(),
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
			return { ok: true };
		});
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, reason: 'conflict' };
		throw error;
	}
	if (!outcome.ok) return outcome;

	const submission = db
		.select()
		.from(submissions)
		.where(eq(submissions.id, input.submissionId))
		.get()!;
	const item = getItem(submission.itemId);
	if (input.decision === 'accepted' && item) {
		recordCompletion(submission.userId, submission.itemId, 'assignment_accepted');
	}
	if (input.decision === 'revision_requested') await carryFilesIntoDraft(input.versionId, now);
	notifyFeedback(
		submission,
		{ id: submission.itemId, title: item?.title ?? submission.itemId },
		input.decision,
		input.versionId
	);
	return { ok: true };
}

/** The revision starts from the files just reviewed; the learner removes or adds as needed. */
async function carryFilesIntoDraft(versionId: string, now: Date): Promise<void> {
	const db = getDb();
	const files = db
		.select()
		.from(submissionFiles)
		.where(eq(submissionFiles.versionId, versionId))
		.all();
	for (const file of files) {
		const storedName = await copyStoredUpload(file.storedName);
		db.insert(submissionFiles)
			.values({ ...file, id: generateId(), versionId: null, storedName, uploadedAt: now })
			.run();
	}
}
