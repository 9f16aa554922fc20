import { asc, desc, eq, inArray } from 'drizzle-orm';
import { storedRatingLabel, type HistoryVersion } from '$lib/assignments';
import type { RubricCriterion } from '$lib/content/types';
import { getDb } from '../db';
import { reviews, submissionFiles, submissionVersions, users } from '../db/schema';
import { renderUserMarkdown } from './markdown';

/** All submitted versions, newest first, each with its files and the trainer's review. */
export function listHistory(
	submissionId: string,
	rubric: readonly RubricCriterion[]
): HistoryVersion[] {
	const db = getDb();
	const versions = db
		.select()
		.from(submissionVersions)
		.where(eq(submissionVersions.submissionId, submissionId))
		.orderBy(desc(submissionVersions.version))
		.all();
	if (versions.length === 0) return [];
	const ids = versions.map((version) => version.id);
	const files = db
		.select({
			id: submissionFiles.id,
			versionId: submissionFiles.versionId,
			originalName: submissionFiles.originalName,
			size: submissionFiles.size
		})
		.from(submissionFiles)
		.where(inArray(submissionFiles.versionId, ids))
		.orderBy(asc(submissionFiles.uploadedAt))
		.all();
	const reviewRows = db
		.select({
			versionId: reviews.versionId,
			reviewerName: users.name,
			decision: reviews.decision,
			feedback: reviews.feedback,
			ratings: reviews.ratings,
			createdAt: reviews.createdAt
		})
		.from(reviews)
		.innerJoin(users, eq(users.id, reviews.reviewerId))
		.where(inArray(reviews.versionId, ids))
		.all();
	const criterionOf = (id: string) => rubric.find((criterion) => criterion.id === id);
	return versions.map((version) => {
		const review = reviewRows.find((row) => row.versionId === version.id);
		return {
			id: version.id,
			version: version.version,
			submittedAt: version.submittedAt,
			html: renderUserMarkdown(version.text),
			files: files
				.filter((file) => file.versionId === version.id)
				.map(({ id, originalName, size }) => ({ id, originalName, size })),
			review: review
				? {
						reviewerName: review.reviewerName,
						decision: review.decision,
						feedbackHtml: renderUserMarkdown(review.feedback),
						createdAt: review.createdAt,
						ratings: review.ratings.map((rating) => ({
							criterionId: rating.criterionId,
							label: criterionOf(rating.criterionId)?.label ?? rating.criterionId,
							ratingLabel: storedRatingLabel(criterionOf(rating.criterionId), rating),
							comment: rating.comment
						}))
					}
				: null
		};
	});
}

/** A stored file with the submission it belongs to, for the download access check. */
export function findFile(fileId: string) {
	return getDb()
		.select({
			storedName: submissionFiles.storedName,
			originalName: submissionFiles.originalName,
			mimeType: submissionFiles.mimeType,
			submissionId: submissionFiles.submissionId,
			versionId: submissionFiles.versionId
		})
		.from(submissionFiles)
		.where(eq(submissionFiles.id, fileId))
		.get();
}
