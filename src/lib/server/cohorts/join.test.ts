import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultIssuer, saveIssuerSettings } from '../certificates/settings';
import { createInvite, findInvite } from '../auth/invites';
import type { SessionUser } from '../auth/session';
import {
	canManageCertificate,
	getCertificateFor,
	issueManually,
	listLearnersForCertificates,
	reissueCertificate,
	revokeCertificate
} from '../certificates/manage';
import { COURSE_ID, makeCohort, makeUser, useTemporaryKeyDir } from '$test/unit/certificates';
import { getCourse } from '../content';
import { getDb } from '../db';
import { auditLog, enrolments, quizAttempts, submissions } from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import { loadLearnerDetail } from '../progress/detail';
import { recordCompletion } from '../progress';
import { storeQuizSnapshot } from '../quiz/snapshots';
import { enrol, getEnrolment } from './enrolment';
import {
	acceptCohortInvite,
	assignLearnerToCohort,
	checkCohortInvite,
	previewCohortAssignment
} from './join';
import { emptyLayout, placeholderQuiz } from '$test/stored-json';

useTemporaryKeyDir();

const asSession = (user: { id: string; name: string; email: string; role: SessionUser['role'] }) =>
	({ id: user.id, name: user.name, email: user.email, role: user.role }) satisfies SessionUser;
const DAY = 24 * 60 * 60 * 1000;

let admin: SessionUser;
let trainerA: SessionUser;
let trainerB: SessionUser;
let learner: SessionUser;
let cohortA: string;
let cohortB: string;

beforeEach(async () => {
	useFreshDatabase();
	saveIssuerSettings({ ...defaultIssuer, name: 'Träger e. V.' });
	admin = asSession(await makeUser('Jonas Admin', 'admin'));
	trainerA = asSession(await makeUser('Anna Trainerin', 'trainer'));
	trainerB = asSession(await makeUser('Bea Trainerin', 'trainer'));
	learner = asSession(await makeUser('Aylin Demir'));
	cohortA = makeCohort(admin.id, trainerA.id, 'Lehrgang A');
	cohortB = makeCohort(admin.id, trainerB.id, 'Lehrgang B');
	enrol(learner.id, COURSE_ID, cohortA);
});

const inviteTo = (cohortId: string, email: string | null = null, createdBy = trainerB.id) =>
	createInvite({
		role: 'learner',
		email,
		cohortId,
		maxUses: 1,
		expiresAt: new Date(Date.now() + DAY),
		createdBy
	}).token;

const moves = () =>
	getDb().select().from(auditLog).where(eq(auditLog.action, 'cohort.learner_moved')).all();

/** What the learner did in cohort A: a quiz attempt, a submission, a completed lesson. */
function historyInCohortA() {
	const course = getCourse(COURSE_ID)!;
	const quiz = course.modules
		.flatMap((module) => module.items)
		.find((item) => item.type === 'quiz');
	const lesson = course.modules[0]!.items.find((item) => item.type === 'lesson')!;
	const db = getDb();
	if (quiz) {
		db.insert(quizAttempts)
			.values({
				id: 'attempt-in-a',
				userId: learner.id,
				courseId: COURSE_ID,
				quizId: quiz.id,
				cohortId: cohortA,
				contentHash: 'h',
				snapshotId: storeQuizSnapshot(placeholderQuiz),
				layout: emptyLayout,
				status: 'submitted',
				score: 40,
				passed: false,
				startedAt: new Date(Date.now() - DAY),
				submittedAt: new Date(Date.now() - DAY)
			})
			.run();
	}
	db.insert(submissions)
		.values({
			id: 'submission-in-a',
			userId: learner.id,
			courseId: COURSE_ID,
			itemId: `${COURSE_ID}/${course.modules[0]!.id.split('/')[1]}/aufgabe`,
			cohortId: cohortA,
			status: 'submitted',
			updatedAt: new Date(Date.now() - DAY)
		})
		.run();
	recordCompletion(learner.id, lesson.id, 'lesson_marked');
}

describe('joining a cohort with an account', () => {
	it('lets the learner accept an invite, which moves them and is audited', () => {
		const token = inviteTo(cohortB, learner.email);
		expect(checkCohortInvite(token, learner)).toMatchObject({
			ok: true,
			from: { id: cohortA, name: 'Lehrgang A' }
		});
		const accepted = acceptCohortInvite(token, learner, '203.0.113.5');
		expect(accepted.ok).toBe(true);
		expect(getEnrolment(learner.id, COURSE_ID)?.cohortId).toBe(cohortB);
		expect(findInvite(token)?.uses).toBe(1);
		expect(moves()).toMatchObject([
			{
				actorId: learner.id,
				subjectUserId: learner.id,
				ip: '203.0.113.5',
				details: { courseId: COURSE_ID, from: cohortA, to: cohortB }
			}
		]);
	});

	it('refuses an invite for another address, for staff, or into the cohort one is in', async () => {
		const other = inviteTo(cohortB, 'jemand-anders@example.org');
		expect(acceptCohortInvite(other, learner, null)).toEqual({
			ok: false,
			reason: 'email_mismatch'
		});
		expect(acceptCohortInvite(inviteTo(cohortB), trainerA, null)).toEqual({
			ok: false,
			reason: 'not_for_account'
		});
		const same = inviteTo(cohortA);
		expect(acceptCohortInvite(same, learner, null)).toEqual({
			ok: false,
			reason: 'already_in_cohort'
		});
		expect(findInvite(same)?.uses).toBe(0);
		expect(getEnrolment(learner.id, COURSE_ID)?.cohortId).toBe(cohortA);
		expect(moves()).toHaveLength(0);
	});

	it('lets only an admin move a learner, after a preview that changes nothing', () => {
		expect(previewCohortAssignment(learner.id, cohortB)).toMatchObject({
			ok: true,
			from: { name: 'Lehrgang A' },
			to: { name: 'Lehrgang B' }
		});
		expect(getEnrolment(learner.id, COURSE_ID)?.cohortId).toBe(cohortA);
		expect(assignLearnerToCohort(trainerB, learner.id, cohortB, null)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(assignLearnerToCohort(admin, trainerA.id, cohortB, null)).toEqual({
			ok: false,
			reason: 'not_learner'
		});
		expect(assignLearnerToCohort(admin, learner.id, cohortB, '198.51.100.7').ok).toBe(true);
		expect(getEnrolment(learner.id, COURSE_ID)?.cohortId).toBe(cohortB);
		expect(moves()).toMatchObject([
			{ actorId: admin.id, subjectUserId: learner.id, details: { from: cohortA, to: cohortB } }
		]);
	});

	it('never moves a learner as a side effect of enrolling', () => {
		enrol(learner.id, COURSE_ID, cohortB);
		expect(getEnrolment(learner.id, COURSE_ID)?.cohortId).toBe(cohortA);
		expect(getDb().select().from(enrolments).all()).toHaveLength(1);
	});
});

describe('after a move, the history stays with the cohort it was made in', () => {
	it('shows the new cohort’s trainer no earlier attempts, submissions or timeline', async () => {
		historyInCohortA();
		const before = loadLearnerDetail(cohortA, learner.id)!;
		expect(before.submissions).toHaveLength(1);
		expect(before.timeline.length).toBeGreaterThan(0);
		await new Promise((resolve) => setTimeout(resolve, 5));
		assignLearnerToCohort(admin, learner.id, cohortB, null);
		const after = loadLearnerDetail(cohortB, learner.id)!;
		expect(after.attempts).toEqual([]);
		expect(after.submissions).toEqual([]);
		expect(after.timeline).toEqual([]);
		// The progress itself moves with the learner.
		expect(after.done).toBe(before.done);
	});

	it('keeps a certificate with the cohort it was issued in', () => {
		const issued = issueManually(trainerA, learner.id, COURSE_ID, true);
		if (!issued.ok) throw new Error(issued.reason);
		const { certificate } = issued;
		assignLearnerToCohort(admin, learner.id, cohortB, null);
		expect(canManageCertificate(trainerB, certificate)).toBe(false);
		expect(getCertificateFor(trainerB, certificate.id)).toBeUndefined();
		expect(revokeCertificate(trainerB, certificate.id, 'Übernahme')).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(issueManually(trainerB, learner.id, COURSE_ID, true)).toEqual({
			ok: false,
			reason: 'issued_elsewhere'
		});
		const listed = listLearnersForCertificates(trainerB).rows;
		expect(listed.map((row) => [row.userId, row.certificate])).toEqual([[learner.id, null]]);
		// The cohort of issue still manages it, and a reissue stays there.
		expect(getCertificateFor(trainerA, certificate.id)?.id).toBe(certificate.id);
		const reissued = reissueCertificate(trainerA, certificate.id);
		if (!reissued.ok) throw new Error(reissued.reason);
		expect(reissued.certificate.cohortId).toBe(cohortA);
		expect(reissued.certificate.snapshot.cohort?.name).toBe('Lehrgang A');
		expect(canManageCertificate(trainerB, reissued.certificate)).toBe(false);
		expect(revokeCertificate(trainerA, reissued.certificate.id, 'Fehler').ok).toBe(true);
	});
});
