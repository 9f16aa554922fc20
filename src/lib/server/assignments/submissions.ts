import { and, asc, count, eq, isNull, max } from 'drizzle-orm';
import type { AssignmentMeta } from '$lib/content/types';
import { generateId } from '../crypto/tokens';
import { getDb } from '../db';
import { submissionFiles, submissions, submissionVersions } from '../db/schema';
import { recordCompletion } from '../progress';
import { freeFileName } from './file-names';
import { notifyNewSubmission } from './notify';
import { missingContent, nextStatus, type MissingContent } from './state';

export type Submission = typeof submissions.$inferSelect;
export const MAX_FILES = 10;

export function findSubmission(userId: string, itemId: string): Submission | undefined {
	return getDb()
		.select()
		.from(submissions)
		.where(and(eq(submissions.userId, userId), eq(submissions.itemId, itemId)))
		.get();
}

export function getSubmission(id: string): Submission | undefined {
	return getDb().select().from(submissions).where(eq(submissions.id, id)).get();
}

const fileColumns = {
	id: submissionFiles.id,
	originalName: submissionFiles.originalName,
	mimeType: submissionFiles.mimeType,
	size: submissionFiles.size
};

export function listDraftFiles(submissionId: string) {
	return getDb()
		.select(fileColumns)
		.from(submissionFiles)
		.where(and(eq(submissionFiles.submissionId, submissionId), isNull(submissionFiles.versionId)))
		.orderBy(asc(submissionFiles.uploadedAt))
		.all();
}

export interface NewDraftFile {
	storedName: string;
	originalName: string;
	mimeType: string;
	size: number;
}

export type DraftResult =
	{ ok: true; submission: Submission } | { ok: false; reason: 'locked' | 'too_many_files' };

/**
 * Saves the draft text (undefined keeps it) and, if given, adds a file already written to disk,
 * creating the submission on first save; refused while the submission is locked or when the
 * draft already holds MAX_FILES files. One IMMEDIATE transaction counts and inserts together,
 * so parallel saves can never store more files than the limit, and a refusal saves nothing.
 */
export function saveDraft(
	userId: string,
	item: AssignmentMeta,
	cohortId: string | null,
	text: string | undefined,
	file?: NewDraftFile,
	now = new Date()
): DraftResult {
	return getDb().transaction(
		(tx): DraftResult => {
			tx.insert(submissions)
				.values({
					id: generateId(),
					userId,
					courseId: item.courseId,
					itemId: item.id,
					cohortId,
					updatedAt: now
				})
				.onConflictDoNothing()
				.run();
			const submission = tx
				.select()
				.from(submissions)
				.where(and(eq(submissions.userId, userId), eq(submissions.itemId, item.id)))
				.get()!;
			if (!nextStatus(submission.status, 'save')) return { ok: false, reason: 'locked' };
			const listed = file ? draftFileNames(submission.id, tx) : [];
			if (listed.length >= MAX_FILES) return { ok: false, reason: 'too_many_files' };
			const draftText = text ?? submission.draftText;
			tx.update(submissions)
				.set({ draftText, updatedAt: now })
				.where(eq(submissions.id, submission.id))
				.run();
			if (file) {
				const originalName = freeFileName(file.originalName, listed);
				tx.insert(submissionFiles)
					.values({
						id: generateId(),
						submissionId: submission.id,
						versionId: null,
						...file,
						originalName,
						uploadedAt: now
					})
					.run();
			}
			return { ok: true, submission: { ...submission, draftText, updatedAt: now } };
		},
		{ behavior: 'immediate' }
	);
}

type Reader = Pick<ReturnType<typeof getDb>, 'select'>;

function draftFileNames(submissionId: string, db: Reader): string[] {
	return db
		.select({ name: submissionFiles.originalName })
		.from(submissionFiles)
		.where(and(eq(submissionFiles.submissionId, submissionId), isNull(submissionFiles.versionId)))
		.all()
		.map(({ name }) => name);
}

export function countDraftFiles(submissionId: string, db: Reader = getDb()): number {
	return (
		db
			.select({ n: count() })
			.from(submissionFiles)
			.where(and(eq(submissionFiles.submissionId, submissionId), isNull(submissionFiles.versionId)))
			.get()?.n ?? 0
	);
}

/** Removes a file of an editable draft; returns its stored name for deletion from disk. */
export function removeDraftFile(submission: Submission, fileId: string): string | null {
	if (!nextStatus(submission.status, 'save')) return null;
	const where = and(
		eq(submissionFiles.id, fileId),
		eq(submissionFiles.submissionId, submission.id),
		isNull(submissionFiles.versionId)
	);
	const db = getDb();
	const row = db
		.select({ storedName: submissionFiles.storedName })
		.from(submissionFiles)
		.where(where)
		.get();
	if (!row) return null;
	db.delete(submissionFiles).where(where).run();
	return row.storedName;
}

export type SubmitResult =
	| { ok: true; versionId: string; version: number }
	| { ok: false; reason: 'locked' }
	| { ok: false; reason: 'incomplete'; missing: Exclude<MissingContent, null> };

/**
 * Freezes the draft (text and files) as a new version and locks the submission until a
 * trainer responds. An optional assignment counts as done once submitted.
 */
export function submitDraft(
	userId: string,
	item: AssignmentMeta,
	cohortId: string | null,
	now = new Date()
): SubmitResult {
	const db = getDb();
	const result = db.transaction((tx): SubmitResult => {
		const submission = tx
			.select()
			.from(submissions)
			.where(and(eq(submissions.userId, userId), eq(submissions.itemId, item.id)))
			.get();
		if (!submission || !nextStatus(submission.status, 'submit')) {
			return submission
				? { ok: false, reason: 'locked' }
				: {
						ok: false,
						reason: 'incomplete',
						missing: missingContent(item.submission, false, 0) ?? 'text_or_file'
					};
		}
		const files = tx
			.select({ n: count() })
			.from(submissionFiles)
			.where(
				and(eq(submissionFiles.submissionId, submission.id), isNull(submissionFiles.versionId))
			)
			.get()!.n;
		const text = item.submission.includes('text') ? submission.draftText.trim() : '';
		const missing = missingContent(item.submission, text.length > 0, files);
		if (missing) return { ok: false, reason: 'incomplete', missing };
		const last = tx
			.select({ version: max(submissionVersions.version) })
			.from(submissionVersions)
			.where(eq(submissionVersions.submissionId, submission.id))
			.get()?.version;
		const version = (last ?? 0) + 1;
		const versionId = generateId();
		tx.insert(submissionVersions)
			.values({ id: versionId, submissionId: submission.id, version, text, submittedAt: now })
			.run();
		tx.update(submissionFiles)
			.set({ versionId })
			.where(
				and(eq(submissionFiles.submissionId, submission.id), isNull(submissionFiles.versionId))
			)
			.run();
		tx.update(submissions)
			.set({ status: 'submitted', cohortId, updatedAt: now })
			.where(eq(submissions.id, submission.id))
			.run();
		notifyNewSubmission({ ...submission, cohortId }, item, versionId, now);
		return { ok: true, versionId, version };
	});
	if (result.ok && !item.required) recordCompletion(userId, item.id, 'assignment_submitted');
	return result;
}

/** The Hospitation a learner's submission is about (null: none); the caller checks it is theirs. */
export function linkHospitation(userId: string, itemId: string, hospitationId: string | null) {
	getDb()
		.update(submissions)
		.set({ hospitationId })
		.where(and(eq(submissions.userId, userId), eq(submissions.itemId, itemId)))
		.run();
}
