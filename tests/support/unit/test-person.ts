import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser } from '$lib/server/auth/users';
import { generateId } from '$lib/server/crypto/tokens';
import { getDb } from '$lib/server/db';
import * as t from '$lib/server/db/schema';
import { throttleKey } from '$lib/server/throttle/slots';
import { storeQuizSnapshot } from '$lib/server/quiz/snapshots';
import { emptyLayout, placeholderQuiz, placeholderSnapshot } from '$test/stored-json';

export const PERSON = { name: 'Zeynep Kowalczyk-Lindqvist', email: 'zeynep.kl@beispiel.example' };
const COURSE = 'probe-ikbo';

/** Points UPLOAD_DIR and MAIL_DIR at fresh folders (call after useFreshDatabase). */
export function useFreshFolders() {
	const root = mkdtempSync(join(tmpdir(), 'lernplattform-privacy-'));
	process.env.UPLOAD_DIR = join(root, 'uploads');
	process.env.MAIL_DIR = join(root, 'mail');
	return { uploads: process.env.UPLOAD_DIR, mail: process.env.MAIL_DIR };
}

/**
 * A learner who is also a trainer somewhere (so both sides of every reference are filled), with
 * a row in every table that points at a person, an uploaded file, a kept mail copy, and mails
 * and notices to a colleague that name them. `privacy.test.ts` checks that every personal
 * column of the schema has a row here, so extend this when a table is added.
 */
export async function arrangePersonWithData(folders: { uploads: string; mail: string }) {
	const db = getDb();
	const person = await createUser({
		...PERSON,
		password: 'Sonnenblume Fahrrad Brücke',
		role: 'trainer'
	});
	const colleague = await createUser({
		name: 'Kollegin Berger',
		email: 'kollegin@beispiel.example',
		password: 'Sonnenblume Fahrrad Brücke',
		role: 'admin'
	});
	const id = person.id;
	const now = new Date('2026-06-01T10:00:00Z');
	const cohortId = generateId();
	db.insert(t.cohorts)
		.values({ id: cohortId, courseId: COURSE, name: 'Lehrgang Test', createdBy: id })
		.run();
	db.insert(t.cohortTrainers).values({ cohortId, userId: id }).run();
	db.insert(t.enrolments)
		.values({ id: generateId(), userId: id, courseId: COURSE, cohortId })
		.run();
	db.insert(t.sessions)
		.values({ id: generateId(), userId: id, lastSeenAt: now, expiresAt: now })
		.run();
	db.insert(t.passwordResets)
		.values({ tokenHash: generateId(), userId: id, expiresAt: now, createdBy: id })
		.run();
	db.insert(t.emailChanges)
		.values({
			tokenHash: generateId(),
			userId: id,
			newEmail: 'neu.zeynep@beispiel.example',
			expiresAt: now
		})
		.run();
	db.insert(t.deletionRequests)
		.values({ userId: id, requestedAt: now, dueAt: now, keepCertificatesVerifiable: false })
		.run();
	db.insert(t.retentionWarnings)
		.values({ userId: id, reason: 'inactive_account', warnedAt: now, dueAt: now })
		.run();
	db.insert(t.invites)
		.values({
			id: generateId(),
			tokenHash: generateId(),
			email: 'eingeladen@beispiel.example',
			expiresAt: now,
			createdBy: id
		})
		.run();
	db.insert(t.invites)
		.values({
			id: generateId(),
			tokenHash: generateId(),
			email: PERSON.email,
			expiresAt: now,
			createdBy: colleague.id
		})
		.run();
	db.insert(t.passwordResetRequests)
		.values({ email: PERSON.email, locale: 'de', requestedAt: now })
		.run();
	db.insert(t.throttleEvents)
		.values({ key: throttleKey('login-account', PERSON.email), at: now })
		.run();
	const moduleId = 'rolle-und-auftrag';
	db.insert(t.moduleUnlocks)
		.values({ id: generateId(), cohortId, moduleId, userId: id, unlockedBy: id })
		.run();
	db.insert(t.attendance)
		.values({
			cohortId,
			moduleId,
			userId: id,
			day: '2026-05-01',
			present: true,
			recordedBy: id,
			recordedAt: now
		})
		.run();
	db.insert(t.completionEvents)
		.values({
			userId: id,
			courseId: COURSE,
			itemId: `${COURSE}/x`,
			kind: 'completed',
			source: 'lesson_marked',
			at: now
		})
		.run();
	db.insert(t.quizAttempts)
		.values({
			id: generateId(),
			userId: id,
			courseId: COURSE,
			quizId: `${COURSE}/quiz`,
			contentHash: 'h',
			snapshotId: storeQuizSnapshot(placeholderQuiz),
			layout: emptyLayout,
			answers: { q1: ['a'] },
			status: 'submitted',
			score: 3,
			passed: true,
			startedAt: now
		})
		.run();
	// An extra attempt granted to the person, and one they granted as trainer.
	db.insert(t.quizAttemptGrants)
		.values([
			{
				id: generateId(),
				userId: id,
				courseId: COURSE,
				quizId: `${COURSE}/quiz`,
				cohortId,
				grantedBy: colleague.id
			},
			{
				id: generateId(),
				userId: colleague.id,
				courseId: COURSE,
				quizId: `${COURSE}/quiz`,
				cohortId,
				grantedBy: id
			}
		])
		.run();
	const submissionId = generateId();
	db.insert(t.submissions)
		.values({
			id: submissionId,
			userId: id,
			courseId: COURSE,
			itemId: `${COURSE}/aufgabe`,
			cohortId,
			status: 'submitted',
			draftText: `Entwurf von ${PERSON.name}`,
			updatedAt: now
		})
		.run();
	const versionId = generateId();
	db.insert(t.submissionVersions)
		.values({
			id: versionId,
			submissionId,
			version: 1,
			text: `Text von ${PERSON.name}`,
			submittedAt: now
		})
		.run();
	const storedName = 'abcdefghijklmnopqrstuvwxyz234567';
	writeFileMkdir(folders.uploads, storedName, `Lebenslauf ${PERSON.name} ${PERSON.email}`);
	db.insert(t.submissionFiles)
		.values({
			id: generateId(),
			submissionId,
			versionId,
			storedName,
			originalName: 'lebenslauf.txt',
			mimeType: 'text/plain',
			size: 60,
			uploadedAt: now
		})
		.run();
	db.insert(t.reviews)
		.values({
			id: generateId(),
			submissionId,
			versionId,
			reviewerId: id,
			decision: 'accepted',
			ratings: []
		})
		.run();
	const notificationId = generateId();
	db.insert(t.notifications)
		.values({
			id: notificationId,
			userId: id,
			kind: 'feedback_received',
			data: { itemTitle: 'Aufgabe' },
			link: '/'
		})
		.run();
	db.insert(t.notifications)
		.values({
			id: generateId(),
			userId: colleague.id,
			kind: 'submission_to_review',
			data: { learnerName: PERSON.name },
			link: '/'
		})
		.run();
	db.insert(t.certificates)
		.values({
			id: generateId(),
			userId: id,
			courseId: COURSE,
			year: 2026,
			serial: 7,
			number: '2026-000007',
			code: 'ABCD-EFGH-JKMN-PQRS',
			snapshot: placeholderSnapshot({ learnerName: PERSON.name }),
			signature: 'sig',
			issuedAt: now,
			issuedBy: id
		})
		.run();
	const mailId = generateId();
	const mail = {
		kind: 'feedback_received' as const,
		locale: 'de',
		headers: {},
		nextAttemptAt: now
	};
	db.insert(t.mailOutbox)
		.values({
			...mail,
			id: mailId,
			userId: id,
			toAddress: PERSON.email,
			subject: `Hallo ${PERSON.name}`,
			textBody: PERSON.name,
			messageId: `<${mailId}@x>`
		})
		.run();
	writeFileMkdir(folders.mail, `${mailId}.eml`, `To: ${PERSON.email}\r\n\r\nHallo ${PERSON.name}`);
	const otherMail = generateId();
	db.insert(t.mailOutbox)
		.values({
			...mail,
			kind: 'submission_to_review',
			id: otherMail,
			userId: colleague.id,
			toAddress: 'kollegin@beispiel.example',
			subject: 'Neue Abgabe',
			textBody: `${PERSON.name} hat eingereicht`,
			messageId: `<${otherMail}@x>`
		})
		.run();
	db.insert(t.mailPreferences)
		.values({ userId: id, kind: 'feedback_received', frequency: 'daily', updatedAt: now })
		.run();
	db.insert(t.mailSettings)
		.values({ userId: id, unsubscribeToken: generateId(), updatedAt: now })
		.run();
	db.insert(t.mailDigestEntries)
		.values({ notificationId, userId: id, kind: 'feedback_received' })
		.run();
	db.insert(t.journalEntries)
		.values({ id: generateId(), userId: id, body: 'Mein Lerntagebuch.', updatedAt: now })
		.run();
	db.insert(t.authoringGrants)
		.values({ userId: id, courseId: COURSE, grantedBy: colleague.id })
		.run();
	db.insert(t.authoringGrants).values({ userId: colleague.id, courseId: '*', grantedBy: id }).run();
	db.insert(t.contentDrafts)
		.values({
			id: generateId(),
			userId: id,
			courseDir: '81-probe-ikbo',
			path: 'courses/81-probe-ikbo/course.md',
			content: Buffer.from('Entwurf'),
			updatedAt: now
		})
		.run();
	const threadId = generateId();
	db.insert(t.discussionThreads)
		.values({ id: threadId, cohortId, title: 'Meine Frage', authorId: id, lastPostAt: now })
		.run();
	const postId = generateId();
	db.insert(t.discussionPosts)
		.values({ id: postId, threadId, authorId: id, body: 'Wie macht ihr das?' })
		.run();
	const colleaguePost = generateId();
	db.insert(t.discussionPosts)
		.values({ id: colleaguePost, threadId, authorId: colleague.id, body: 'So.' })
		.run();
	db.insert(t.discussionReports)
		.values({ id: generateId(), postId: colleaguePost, reporterId: id, reason: 'Unpassend' })
		.run();
	const attachmentName = 'attachmentattachmentattachment22';
	writeFileMkdir(folders.uploads, attachmentName, `Anhang von ${PERSON.name} ${PERSON.email}`);
	db.insert(t.discussionAttachments)
		.values({
			id: generateId(),
			postId,
			uploaderId: id,
			storedName: attachmentName,
			originalName: 'notizen.pdf',
			mimeType: 'application/pdf',
			size: 40
		})
		.run();
	db.insert(t.discussionReads).values({ userId: id, threadId, readAt: now }).run();
	// A Fallberatung in which the person gives the case and moderates (both role columns).
	db.insert(t.caseConsultations)
		.values({ threadId, caseGiverId: id, moderatorId: id, phaseChangedAt: now })
		.run();
	db.insert(t.sharedSubmissions)
		.values({ threadId, submissionId, authorId: id, text: 'Mein geteilter Auszug.', excerpt: true })
		.run();
	// An event the person organised, signed up for, attended and holds a confirmation of.
	const eventId = generateId();
	db.insert(t.events)
		.values({
			id: eventId,
			title: 'Vertiefungstreffen',
			description: 'Programm',
			format: 'praesenz',
			place: 'Berlin',
			startsAt: now,
			endsAt: new Date(now.getTime() + 3_600_000),
			capacity: 10,
			status: 'published',
			createdBy: id
		})
		.run();
	db.insert(t.eventRegistrations)
		.values({
			id: generateId(),
			eventId,
			userId: id,
			status: 'registered',
			registeredAt: now,
			updatedAt: now
		})
		.run();
	db.insert(t.eventAttendance)
		.values({ eventId, userId: id, day: '2026-06-12', recordedBy: id, recordedAt: now })
		.run();
	db.insert(t.eventConfirmations)
		.values({
			id: generateId(),
			eventId,
			userId: id,
			year: 2026,
			serial: 1,
			number: 'V-2026-000001',
			code: 'EEEE-EEEE-EEEE-EEEE',
			snapshot: { participantName: PERSON.name } as never,
			signature: 'x',
			issuedAt: now
		})
		.run();
	db.insert(t.alumniProfiles)
		.values({ userId: id, visible: true, organisation: 'Schule am See', updatedAt: now })
		.run();
	db.insert(t.alumniOptOuts).values({ userId: id, courseId: 'andere-fortbildung' }).run();
	arrangeMentoringAndHospitation(id, colleague.id, now);
	return { person, colleague, cohortId, storedName, attachmentName, mailId, threadId, postId };
}

function writeFileMkdir(dir: string, name: string, content: string) {
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, name), content);
}

/** The person as mentor and as mentee (with a message and a meeting), and as applicant. */
function arrangeMentoringAndHospitation(id: string, colleagueId: string, now: Date) {
	const db = getDb();
	db.insert(t.mentorOffers)
		.values({
			id: generateId(),
			userId: id,
			topics: ['Jobcenter'],
			languages: ['Deutsch'],
			capacity: 1,
			updatedAt: now
		})
		.run();
	const asMentee = generateId();
	db.insert(t.mentoringPairs)
		.values([
			{
				id: asMentee,
				menteeId: id,
				mentorId: colleagueId,
				message: 'Bitte begleiten Sie mich',
				status: 'confirmed',
				decidedBy: colleagueId
			},
			{
				id: generateId(),
				menteeId: colleagueId,
				mentorId: id,
				message: 'Hilfe',
				status: 'ended',
				decidedBy: id
			}
		])
		.run();
	db.insert(t.mentoringMessages)
		.values({ id: generateId(), pairId: asMentee, authorId: id, body: 'Hallo Mentorin' })
		.run();
	db.insert(t.mentoringMeetings)
		.values({
			id: generateId(),
			pairId: asMentee,
			authorId: id,
			metOn: '2026-05-30',
			topic: 'Kennenlernen',
			note: ''
		})
		.run();
	const organisationId = generateId();
	db.insert(t.hospitationOrganisations)
		.values({
			id: organisationId,
			name: 'Bezirksamt Test',
			district: 'Mitte',
			address: 'Teststraße 1',
			contact: 'info@amt.example'
		})
		.run();
	const offerId = generateId();
	db.insert(t.hospitationOffers)
		.values({
			id: offerId,
			organisationId,
			title: 'Bürgeramt',
			description: 'Hospitation',
			places: 1,
			startsOn: '2026-07-01',
			endsOn: '2026-07-05'
		})
		.run();
	db.insert(t.hospitationApplications)
		.values({
			id: generateId(),
			offerId,
			userId: id,
			motivation: 'Ich möchte lernen',
			status: 'accepted',
			decidedBy: id
		})
		.run();
}
