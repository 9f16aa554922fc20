import { eq } from 'drizzle-orm';
import { assignmentUrl } from '$lib/urls';
import type { AssignmentMeta } from '$lib/content/types';
import { getDb } from '../db';
import { cohortTrainers, users } from '../db/schema';
import { notify } from '../notifications';
import { markdownExcerpt } from './markdown';

type SubmissionRef = { id: string; userId: string; cohortId: string | null; itemId: string };

export const reviewUrl = (submissionId: string) => `/trainer/abgaben/${submissionId}`;

/** Trainers of the cohort; for self-paced learners (no cohort) the admins. */
function reviewersOf(cohortId: string | null): string[] {
	const db = getDb();
	const rows = cohortId
		? db
				.select({ id: cohortTrainers.userId })
				.from(cohortTrainers)
				.where(eq(cohortTrainers.cohortId, cohortId))
				.all()
		: db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).all();
	return rows.map((row) => row.id);
}

/** Call inside the submission's transaction, so the trainers' mails commit with it. */
export function notifyNewSubmission(
	submission: SubmissionRef,
	item: AssignmentMeta,
	versionId: string,
	now = new Date()
): void {
	const learner = getDb()
		.select({ name: users.name })
		.from(users)
		.where(eq(users.id, submission.userId))
		.get();
	for (const reviewerId of reviewersOf(submission.cohortId)) {
		if (reviewerId === submission.userId) continue;
		notify(
			{
				userId: reviewerId,
				kind: 'submission_to_review',
				data: { itemId: item.id, itemTitle: item.title, learnerName: learner?.name ?? '' },
				link: reviewUrl(submission.id),
				dedupeKey: `review:${versionId}:${reviewerId}`
			},
			now
		);
	}
}

/** Call inside the review's transaction, so the learner's mail commits with the decision. */
export function notifyFeedback(
	submission: SubmissionRef,
	item: { id: string; title: string },
	review: { decision: 'accepted' | 'revision_requested'; reviewerName: string; feedback: string },
	versionId: string,
	now = new Date()
): void {
	notify(
		{
			userId: submission.userId,
			kind: 'feedback_received',
			data: {
				itemId: item.id,
				itemTitle: item.title,
				decision: review.decision,
				reviewerName: review.reviewerName,
				excerpt: markdownExcerpt(review.feedback)
			},
			link: assignmentUrl(submission.itemId),
			dedupeKey: `feedback:${versionId}`
		},
		now
	);
}
