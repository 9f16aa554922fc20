import { eq, inArray } from 'drizzle-orm';
import { getDb } from '../db';
import * as t from '../db/schema';
import {
	collectCaseRoles,
	collectHospitation,
	collectMentoring,
	collectSharedSubmissions
} from './export-community';
import { collectDiscussionAttachments } from './export-attachments';
import { auditEntriesOf } from './export-audit';
import { rowsNaming, safeName } from './export-rows';
import type { ExportFile } from './registry';
import { redactMails } from './export-mail';

export interface ExportedFile {
	/** Absent for files attached to Austausch posts. */
	submissionId?: string;
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
			lastActiveAt: t.users.lastActiveAt,
			emailConfirmedAt: t.users.emailConfirmedAt
		})
		.from(t.users)
		.where(eq(t.users.id, userId))
		.get();
	if (!account) return null;
	const sessions = rowsNaming(userId, t.sessions.userId, {
		createdAt: t.sessions.createdAt,
		lastSeenAt: t.sessions.lastSeenAt,
		expiresAt: t.sessions.expiresAt
	});
	const passwordResets = rowsNaming(userId, t.passwordResets.userId, {
		createdAt: t.passwordResets.createdAt,
		usedAt: t.passwordResets.usedAt
	});
	const emailChanges = rowsNaming(userId, t.emailChanges.userId, {
		newEmail: t.emailChanges.newEmail,
		createdAt: t.emailChanges.createdAt,
		usedAt: t.emailChanges.usedAt
	});
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
	const attendance = rowsNaming(userId, t.attendance.userId, {
		cohortId: t.attendance.cohortId,
		moduleId: t.attendance.moduleId,
		day: t.attendance.day,
		present: t.attendance.present,
		recordedAt: t.attendance.recordedAt
	});
	const unlocks = rowsNaming(userId, t.moduleUnlocks.userId, {
		cohortId: t.moduleUnlocks.cohortId,
		moduleId: t.moduleUnlocks.moduleId,
		createdAt: t.moduleUnlocks.createdAt
	});
	const extraQuizAttempts = rowsNaming(userId, t.quizAttemptGrants.userId, {
		courseId: t.quizAttemptGrants.courseId,
		quizId: t.quizAttemptGrants.quizId,
		cohortId: t.quizAttemptGrants.cohortId,
		createdAt: t.quizAttemptGrants.createdAt
	});

	const completionEvents = db
		.select()
		.from(t.completionEvents)
		.where(eq(t.completionEvents.userId, userId))
		.all()
		.map(({ userId: _u, ...event }) => event);
	const quizAttempts = rowsNaming(userId, t.quizAttempts.userId, {
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
	});

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

	const certificates = rowsNaming(userId, t.certificates.userId, {
		number: t.certificates.number,
		code: t.certificates.code,
		courseId: t.certificates.courseId,
		status: t.certificates.status,
		snapshot: t.certificates.snapshot,
		issuedAt: t.certificates.issuedAt,
		revokedAt: t.certificates.revokedAt
	});
	const notifications = rowsNaming(userId, t.notifications.userId, {
		kind: t.notifications.kind,
		data: t.notifications.data,
		link: t.notifications.link,
		createdAt: t.notifications.createdAt,
		readAt: t.notifications.readAt
	});
	const mails = rowsNaming(userId, t.mailOutbox.userId, {
		kind: t.mailOutbox.kind,
		to: t.mailOutbox.toAddress,
		subject: t.mailOutbox.subject,
		text: t.mailOutbox.textBody,
		status: t.mailOutbox.status,
		createdAt: t.mailOutbox.createdAt,
		sentAt: t.mailOutbox.sentAt
	});
	const mailPreferences = rowsNaming(userId, t.mailPreferences.userId, {
		kind: t.mailPreferences.kind,
		frequency: t.mailPreferences.frequency
	});
	const mailSettings = db
		.select({ locale: t.mailSettings.locale, updatedAt: t.mailSettings.updatedAt })
		.from(t.mailSettings)
		.where(eq(t.mailSettings.userId, userId))
		.get();
	const digestEntries = rowsNaming(userId, t.mailDigestEntries.userId, {
		kind: t.mailDigestEntries.kind,
		createdAt: t.mailDigestEntries.createdAt
	});
	const journal = rowsNaming(userId, t.journalEntries.userId, {
		createdAt: t.journalEntries.createdAt,
		updatedAt: t.journalEntries.updatedAt,
		courseId: t.journalEntries.courseId,
		itemId: t.journalEntries.itemId,
		prompt: t.journalEntries.prompt,
		body: t.journalEntries.body,
		sharedAt: t.journalEntries.sharedAt
	});
	const discussionPosts = db
		.select({
			threadId: t.discussionPosts.threadId,
			threadTitle: t.discussionThreads.title,
			cohortId: t.discussionThreads.cohortId,
			alumniCourseId: t.alumniThreads.courseId,
			body: t.discussionPosts.body,
			createdAt: t.discussionPosts.createdAt,
			hiddenAt: t.discussionPosts.hiddenAt,
			hiddenReason: t.discussionPosts.hiddenReason,
			editedAt: t.discussionPosts.editedAt,
			deletedAt: t.discussionPosts.deletedAt
		})
		.from(t.discussionPosts)
		.innerJoin(t.discussionThreads, eq(t.discussionThreads.id, t.discussionPosts.threadId))
		.leftJoin(t.alumniThreads, eq(t.alumniThreads.threadId, t.discussionThreads.id))
		.where(eq(t.discussionPosts.authorId, userId))
		.all();
	const threadsStarted = rowsNaming(userId, t.discussionThreads.authorId, {
		id: t.discussionThreads.id,
		cohortId: t.discussionThreads.cohortId,
		title: t.discussionThreads.title,
		createdAt: t.discussionThreads.createdAt
	});
	const discussionReports = rowsNaming(userId, t.discussionReports.reporterId, {
		postId: t.discussionReports.postId,
		reason: t.discussionReports.reason,
		createdAt: t.discussionReports.createdAt,
		resolvedAt: t.discussionReports.resolvedAt
	});
	const discussionFiles = collectDiscussionAttachments(userId);
	const discussionReads = rowsNaming(userId, t.discussionReads.userId, {
		threadId: t.discussionReads.threadId,
		readAt: t.discussionReads.readAt
	});
	const alumniProfile = db
		.select({
			visible: t.alumniProfiles.visible,
			showName: t.alumniProfiles.showName,
			organisation: t.alumniProfiles.organisation,
			showOrganisation: t.alumniProfiles.showOrganisation,
			languages: t.alumniProfiles.languages,
			showLanguages: t.alumniProfiles.showLanguages,
			topics: t.alumniProfiles.topics,
			showTopics: t.alumniProfiles.showTopics,
			contact: t.alumniProfiles.contact,
			phone: t.alumniProfiles.phone,
			updatedAt: t.alumniProfiles.updatedAt
		})
		.from(t.alumniProfiles)
		.where(eq(t.alumniProfiles.userId, userId))
		.get();
	const alumniLeft = rowsNaming(userId, t.alumniOptOuts.userId, {
		courseId: t.alumniOptOuts.courseId,
		createdAt: t.alumniOptOuts.createdAt
	});

	const eventRegistrations = db
		.select({
			eventId: t.eventRegistrations.eventId,
			eventTitle: t.events.title,
			status: t.eventRegistrations.status,
			registeredAt: t.eventRegistrations.registeredAt,
			updatedAt: t.eventRegistrations.updatedAt
		})
		.from(t.eventRegistrations)
		.innerJoin(t.events, eq(t.events.id, t.eventRegistrations.eventId))
		.where(eq(t.eventRegistrations.userId, userId))
		.all();
	const eventAttendance = rowsNaming(userId, t.eventAttendance.userId, {
		eventId: t.eventAttendance.eventId,
		day: t.eventAttendance.day
	});
	const eventConfirmations = rowsNaming(userId, t.eventConfirmations.userId, {
		number: t.eventConfirmations.number,
		code: t.eventConfirmations.code,
		status: t.eventConfirmations.status,
		snapshot: t.eventConfirmations.snapshot,
		issuedAt: t.eventConfirmations.issuedAt,
		revokedAt: t.eventConfirmations.revokedAt
	});

	const json: Record<ExportFile, unknown> = {
		'konto.json': {
			account,
			sessions,
			passwordResets,
			emailChanges,
			deletionRequest: deletionRequest ?? null,
			retentionWarnings
		},
		'lehrgaenge.json': { enrolments, attendance, moduleUnlocks: unlocks, extraQuizAttempts },
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
			mails: redactMails(mails)
		},
		'lerntagebuch.json': journal,
		'austausch.json': {
			threadsStarted,
			posts: discussionPosts,
			reports: discussionReports,
			caseConsultationRoles: collectCaseRoles(userId),
			sharedSubmissions: collectSharedSubmissions(userId),
			lastRead: discussionReads,
			attachments: discussionFiles.attachments
		},
		'veranstaltungen.json': {
			registrations: eventRegistrations,
			attendance: eventAttendance,
			confirmations: eventConfirmations
		},
		'alumni.json': { profile: alumniProfile ?? null, networksLeft: alumniLeft },
		'mentoring.json': collectMentoring(userId),
		'hospitation.json': collectHospitation(userId),
		'protokoll.json': auditEntriesOf(userId),
		'als-trainerin.json': collectTrainerRecords(userId)
	};
	return { json, files: [...files, ...discussionFiles.files], name: account.name };
}

/** What a trainer or admin did that names them: counts and object IDs, no data of others. */
function collectTrainerRecords(userId: string) {
	const ids = (rows: unknown[]) => rows.length;
	return {
		cohortsTrained: rowsNaming(userId, t.cohortTrainers.userId, {
			cohortId: t.cohortTrainers.cohortId
		}),
		cohortsCreated: rowsNaming(userId, t.cohorts.createdBy, {
			id: t.cohorts.id,
			name: t.cohorts.name
		}),
		eventsCreated: rowsNaming(userId, t.events.createdBy, {
			id: t.events.id,
			title: t.events.title
		}),
		eventAttendanceRecorded: ids(
			rowsNaming(userId, t.eventAttendance.recordedBy, { day: t.eventAttendance.day })
		),
		invitesCreated: ids(rowsNaming(userId, t.invites.createdBy, { id: t.invites.id })),
		passwordResetsCreated: ids(
			rowsNaming(userId, t.passwordResets.createdBy, { id: t.passwordResets.tokenHash })
		),
		reviewsWritten: ids(rowsNaming(userId, t.reviews.reviewerId, { id: t.reviews.id })),
		unlocksGranted: ids(rowsNaming(userId, t.moduleUnlocks.unlockedBy, { id: t.moduleUnlocks.id })),
		extraQuizAttemptsGranted: ids(
			rowsNaming(userId, t.quizAttemptGrants.grantedBy, { id: t.quizAttemptGrants.id })
		),
		attendanceRecorded: ids(rowsNaming(userId, t.attendance.recordedBy, { day: t.attendance.day })),
		certificatesIssued: ids(rowsNaming(userId, t.certificates.issuedBy, { id: t.certificates.id })),
		authoringRights: rowsNaming(userId, t.authoringGrants.userId, {
			courseId: t.authoringGrants.courseId,
			grantedAt: t.authoringGrants.createdAt
		}),
		mentoringDecisions: ids(
			rowsNaming(userId, t.mentoringPairs.decidedBy, { id: t.mentoringPairs.id })
		),
		hospitationDecisions: ids(
			rowsNaming(userId, t.hospitationApplications.decidedBy, {
				id: t.hospitationApplications.id
			})
		),
		authoringRightsGranted: ids(
			rowsNaming(userId, t.authoringGrants.grantedBy, { courseId: t.authoringGrants.courseId })
		),
		unpublishedDrafts: rowsNaming(userId, t.contentDrafts.userId, {
			path: t.contentDrafts.path,
			updatedAt: t.contentDrafts.updatedAt
		})
	};
}
