import { eq, inArray, or } from 'drizzle-orm';
import { getDb } from '../db';
import * as t from '../db/schema';
import type { ExportFile } from './registry';

export interface ExportedFile {
	submissionId: string;
	fileId: string;
	storedName: string;
	/** Path inside the ZIP. */
	path: string;
	size: number;
}

export interface PersonalData {
	json: Record<ExportFile, unknown>;
	files: ExportedFile[];
	name: string;
}

/** A file name that is safe inside a ZIP on every system. */
const safeName = (name: string) =>
	name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'datei';

/**
 * Everything stored about a person, grouped by the files of the export. Secrets (password hash,
 * session and link tokens) are left out; each file is described in LIESMICH.txt.
 */
export function collectPersonalData(userId: string): PersonalData | null {
	const db = getDb();
	const account = db
		.select({
			id: t.users.id,
			name: t.users.name,
			email: t.users.email,
			role: t.users.role,
			active: t.users.active,
			createdAt: t.users.createdAt,
			lastActiveAt: t.users.lastActiveAt
		})
		.from(t.users)
		.where(eq(t.users.id, userId))
		.get();
	if (!account) return null;
	const sessions = db
		.select({
			createdAt: t.sessions.createdAt,
			lastSeenAt: t.sessions.lastSeenAt,
			expiresAt: t.sessions.expiresAt
		})
		.from(t.sessions)
		.where(eq(t.sessions.userId, userId))
		.all();
	const passwordResets = db
		.select({ createdAt: t.passwordResets.createdAt, usedAt: t.passwordResets.usedAt })
		.from(t.passwordResets)
		.where(eq(t.passwordResets.userId, userId))
		.all();
	const emailChanges = db
		.select({
			newEmail: t.emailChanges.newEmail,
			createdAt: t.emailChanges.createdAt,
			usedAt: t.emailChanges.usedAt
		})
		.from(t.emailChanges)
		.where(eq(t.emailChanges.userId, userId))
		.all();
	const deletionRequest = db
		.select()
		.from(t.deletionRequests)
		.where(eq(t.deletionRequests.userId, userId))
		.get();
	const retentionWarnings = db
		.select()
		.from(t.retentionWarnings)
		.where(eq(t.retentionWarnings.userId, userId))
		.all();

	const enrolments = db
		.select({
			courseId: t.enrolments.courseId,
			cohortId: t.enrolments.cohortId,
			cohortName: t.cohorts.name,
			createdAt: t.enrolments.createdAt,
			joinedCohortAt: t.enrolments.joinedCohortAt
		})
		.from(t.enrolments)
		.leftJoin(t.cohorts, eq(t.cohorts.id, t.enrolments.cohortId))
		.where(eq(t.enrolments.userId, userId))
		.all();
	const attendance = db
		.select({
			cohortId: t.attendance.cohortId,
			moduleId: t.attendance.moduleId,
			day: t.attendance.day,
			present: t.attendance.present,
			recordedAt: t.attendance.recordedAt
		})
		.from(t.attendance)
		.where(eq(t.attendance.userId, userId))
		.all();
	const unlocks = db
		.select({
			cohortId: t.moduleUnlocks.cohortId,
			moduleId: t.moduleUnlocks.moduleId,
			createdAt: t.moduleUnlocks.createdAt
		})
		.from(t.moduleUnlocks)
		.where(eq(t.moduleUnlocks.userId, userId))
		.all();

	const completionEvents = db
		.select()
		.from(t.completionEvents)
		.where(eq(t.completionEvents.userId, userId))
		.all()
		.map(({ userId: _u, ...event }) => event);
	const quizAttempts = db
		.select({
			id: t.quizAttempts.id,
			courseId: t.quizAttempts.courseId,
			quizId: t.quizAttempts.quizId,
			status: t.quizAttempts.status,
			answers: t.quizAttempts.answers,
			score: t.quizAttempts.score,
			passed: t.quizAttempts.passed,
			result: t.quizAttempts.result,
			startedAt: t.quizAttempts.startedAt,
			submittedAt: t.quizAttempts.submittedAt
		})
		.from(t.quizAttempts)
		.where(eq(t.quizAttempts.userId, userId))
		.all();

	const submissions = db.select().from(t.submissions).where(eq(t.submissions.userId, userId)).all();
	const submissionIds = submissions.map((row) => row.id);
	const versions = submissionIds.length
		? db
				.select()
				.from(t.submissionVersions)
				.where(inArray(t.submissionVersions.submissionId, submissionIds))
				.all()
		: [];
	const fileRows = submissionIds.length
		? db
				.select()
				.from(t.submissionFiles)
				.where(inArray(t.submissionFiles.submissionId, submissionIds))
				.all()
		: [];
	const reviews = submissionIds.length
		? db
				.select({
					submissionId: t.reviews.submissionId,
					versionId: t.reviews.versionId,
					reviewerName: t.users.name,
					decision: t.reviews.decision,
					feedback: t.reviews.feedback,
					ratings: t.reviews.ratings,
					createdAt: t.reviews.createdAt
				})
				.from(t.reviews)
				.leftJoin(t.users, eq(t.users.id, t.reviews.reviewerId))
				.where(inArray(t.reviews.submissionId, submissionIds))
				.all()
		: [];
	const files: ExportedFile[] = fileRows.map((file) => ({
		submissionId: file.submissionId,
		fileId: file.id,
		storedName: file.storedName,
		path: `dateien/${file.submissionId}/${file.id}-${safeName(file.originalName)}`,
		size: file.size
	}));
	const pathOf = new Map(files.map((file) => [file.fileId, file.path]));

	const certificates = db
		.select({
			number: t.certificates.number,
			code: t.certificates.code,
			courseId: t.certificates.courseId,
			status: t.certificates.status,
			snapshot: t.certificates.snapshot,
			issuedAt: t.certificates.issuedAt,
			revokedAt: t.certificates.revokedAt
		})
		.from(t.certificates)
		.where(eq(t.certificates.userId, userId))
		.all();
	const notifications = db
		.select({
			kind: t.notifications.kind,
			data: t.notifications.data,
			link: t.notifications.link,
			createdAt: t.notifications.createdAt,
			readAt: t.notifications.readAt
		})
		.from(t.notifications)
		.where(eq(t.notifications.userId, userId))
		.all();
	const mails = db
		.select({
			kind: t.mailOutbox.kind,
			to: t.mailOutbox.toAddress,
			subject: t.mailOutbox.subject,
			text: t.mailOutbox.textBody,
			status: t.mailOutbox.status,
			createdAt: t.mailOutbox.createdAt,
			sentAt: t.mailOutbox.sentAt
		})
		.from(t.mailOutbox)
		.where(eq(t.mailOutbox.userId, userId))
		.all();
	const mailPreferences = db
		.select({ kind: t.mailPreferences.kind, frequency: t.mailPreferences.frequency })
		.from(t.mailPreferences)
		.where(eq(t.mailPreferences.userId, userId))
		.all();
	const mailSettings = db
		.select({ locale: t.mailSettings.locale, updatedAt: t.mailSettings.updatedAt })
		.from(t.mailSettings)
		.where(eq(t.mailSettings.userId, userId))
		.get();
	const digestEntries = db
		.select({ kind: t.mailDigestEntries.kind, createdAt: t.mailDigestEntries.createdAt })
		.from(t.mailDigestEntries)
		.where(eq(t.mailDigestEntries.userId, userId))
		.all();
	const journal = db
		.select({
			createdAt: t.journalEntries.createdAt,
			updatedAt: t.journalEntries.updatedAt,
			courseId: t.journalEntries.courseId,
			itemId: t.journalEntries.itemId,
			prompt: t.journalEntries.prompt,
			body: t.journalEntries.body,
			sharedAt: t.journalEntries.sharedAt
		})
		.from(t.journalEntries)
		.where(eq(t.journalEntries.userId, userId))
		.all();
	const auditEntries = db
		.select({
			at: t.auditLog.at,
			actorId: t.auditLog.actorId,
			action: t.auditLog.action,
			objectType: t.auditLog.objectType,
			objectId: t.auditLog.objectId,
			ip: t.auditLog.ip,
			details: t.auditLog.details
		})
		.from(t.auditLog)
		.where(or(eq(t.auditLog.subjectUserId, userId), eq(t.auditLog.actorId, userId)))
		.all();

	const json: Record<ExportFile, unknown> = {
		'konto.json': {
			account,
			sessions,
			passwordResets,
			emailChanges,
			deletionRequest: deletionRequest ?? null,
			retentionWarnings
		},
		'lehrgaenge.json': { enrolments, attendance, moduleUnlocks: unlocks },
		'fortschritt.json': completionEvents,
		'quizversuche.json': quizAttempts,
		'abgaben.json': submissions.map(({ userId: _u, ...submission }) => ({
			...submission,
			versions: versions.filter((v) => v.submissionId === submission.id),
			files: fileRows
				.filter((file) => file.submissionId === submission.id)
				.map(({ storedName: _s, ...file }) => ({ ...file, path: pathOf.get(file.id) })),
			reviewsReceived: reviews.filter((review) => review.submissionId === submission.id)
		})),
		'zertifikate.json': certificates,
		'benachrichtigungen.json': notifications,
		'e-mail.json': {
			settings: mailSettings ?? null,
			preferences: mailPreferences,
			waitingForDigest: digestEntries,
			mails
		},
		'lerntagebuch.json': journal,
		'protokoll.json': auditEntries,
		'als-trainerin.json': collectTrainerRecords(userId)
	};
	return { json, files, name: account.name };
}

/** What a trainer or admin did that names them: counts and object IDs, no data of others. */
function collectTrainerRecords(userId: string) {
	const db = getDb();
	const ids = (rows: unknown[]) => rows.length;
	return {
		cohortsTrained: db
			.select({ cohortId: t.cohortTrainers.cohortId })
			.from(t.cohortTrainers)
			.where(eq(t.cohortTrainers.userId, userId))
			.all(),
		cohortsCreated: db
			.select({ id: t.cohorts.id, name: t.cohorts.name })
			.from(t.cohorts)
			.where(eq(t.cohorts.createdBy, userId))
			.all(),
		invitesCreated: ids(
			db.select({ id: t.invites.id }).from(t.invites).where(eq(t.invites.createdBy, userId)).all()
		),
		passwordResetsCreated: ids(
			db
				.select({ id: t.passwordResets.tokenHash })
				.from(t.passwordResets)
				.where(eq(t.passwordResets.createdBy, userId))
				.all()
		),
		reviewsWritten: ids(
			db.select({ id: t.reviews.id }).from(t.reviews).where(eq(t.reviews.reviewerId, userId)).all()
		),
		unlocksGranted: ids(
			db
				.select({ id: t.moduleUnlocks.id })
				.from(t.moduleUnlocks)
				.where(eq(t.moduleUnlocks.unlockedBy, userId))
				.all()
		),
		attendanceRecorded: ids(
			db
				.select({ day: t.attendance.day })
				.from(t.attendance)
				.where(eq(t.attendance.recordedBy, userId))
				.all()
		),
		certificatesIssued: ids(
			db
				.select({ id: t.certificates.id })
				.from(t.certificates)
				.where(eq(t.certificates.issuedBy, userId))
				.all()
		),
		authoringRights: db
			.select({ courseId: t.authoringGrants.courseId, grantedAt: t.authoringGrants.createdAt })
			.from(t.authoringGrants)
			.where(eq(t.authoringGrants.userId, userId))
			.all(),
		authoringRightsGranted: ids(
			db
				.select({ courseId: t.authoringGrants.courseId })
				.from(t.authoringGrants)
				.where(eq(t.authoringGrants.grantedBy, userId))
				.all()
		),
		unpublishedDrafts: db
			.select({ path: t.contentDrafts.path, updatedAt: t.contentDrafts.updatedAt })
			.from(t.contentDrafts)
			.where(eq(t.contentDrafts.userId, userId))
			.all()
	};
}
