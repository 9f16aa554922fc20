import { recordAudit } from '../audit';
import type { CourseMeta } from '$lib/content/types';
import { and, eq, isNull } from 'drizzle-orm';
import { generateId } from '../crypto/tokens';
import { getEnrolment } from '../cohorts/enrolment';
import { getCourse } from '../content';
import { getDb } from '../db';
import { equalsLiteral } from '../db/literal';
import { certificates, enrolments } from '../db/schema';
import { notifyNetworkJoined } from '../alumni/notify';
import { notify } from '../notifications';
import { onCourseCompleted } from '../progress';
import { berlinYear, formatCertificateNumber, generateVerificationCode } from './codes';
import { checkEligibility } from './eligibility';
import {
	findValidCertificate,
	getCertificate,
	nextSerial,
	type CertificateRecord
} from './queries';
import { getIssuerSettings, isIssuerReady } from './settings';
import { signSnapshot } from './signing';
import { buildSnapshot, gatherSnapshotInput } from './snapshot';
import { isUniqueViolation } from '../db/errors';

export interface IssueResult {
	certificate: CertificateRecord;
	/** False when a valid certificate already existed and was returned instead. */
	created: boolean;
}

interface IssueOptions {
	issuedBy?: string | null;
	now?: Date;
	/** Reissue: this valid certificate is marked superseded in the same transaction. */
	supersedes?: string;
	/** The cohort it belongs to (a reissue keeps the original's); default: the current one. */
	cohortId?: string | null;
}

export class CertificateConflict extends Error {}

/**
 * Creates a certificate without first looking for an existing one: the partial unique index
 * (one valid certificate per learner and course) decides, even between server processes. A
 * losing insert returns the winner's certificate.
 */
export function insertCertificate(
	userId: string,
	course: CourseMeta,
	options: IssueOptions = {}
): IssueResult {
	const now = options.now ?? new Date();
	// Everything that reads other tables happens before the transaction, which stays short.
	const input = gatherSnapshotInput(userId, course, getIssuerSettings(), now, options.cohortId);
	const id = generateId();
	const db = getDb();
	try {
		return db.transaction(
			(tx) => {
				if (options.supersedes) {
					const result = tx
						.update(certificates)
						.set({ status: 'superseded', supersededBy: id })
						.where(
							and(
								eq(certificates.id, options.supersedes),
								equalsLiteral(certificates.status, 'valid')
							)
						)
						.run();
					if (result.changes !== 1) throw new CertificateConflict('not valid any more');
				}
				const year = berlinYear(now);
				const serial = nextSerial(year, tx);
				const number = formatCertificateNumber(year, serial);
				const code = generateVerificationCode();
				const snapshot = buildSnapshot(input, { number, code });
				tx.insert(certificates)
					.values({
						id,
						userId,
						courseId: course.id,
						cohortId: input.cohortId,
						year,
						serial,
						number,
						code,
						snapshot,
						signature: signSnapshot(snapshot),
						issuedAt: now,
						issuedBy: options.issuedBy ?? null
					})
					.run();
				recordAudit(
					{
						actorId: options.issuedBy ?? null,
						action: options.supersedes ? 'certificate.reissued' : 'certificate.issued',
						objectType: 'certificate',
						objectId: id,
						subjectUserId: userId,
						details: {
							number,
							courseId: course.id,
							...(options.supersedes ? { supersedes: options.supersedes } : {})
						}
					},
					tx,
					now
				);
				// Same transaction: the learner's notification and mail exist exactly when the
				// certificate does (a losing concurrent insert rolls back both).
				notify(
					{
						userId,
						kind: 'certificate_issued',
						data: {
							itemId: course.id,
							itemTitle: snapshot.courseTitle,
							certificateNumber: number,
							certificateKind: snapshot.kind,
							verifyCode: code
						},
						link: '/zertifikate',
						dedupeKey: `certificate:${id}`
					},
					now
				);
				notifyNetworkJoined(userId, { id: course.id, title: snapshot.courseTitle }, now);
				return { certificate: getCertificate(id, tx)!, created: true };
			},
			// Takes the write lock before reading the serial: no other process can slip in between.
			{ behavior: 'immediate' }
		);
	} catch (error) {
		if (!options.supersedes && isUniqueViolation(error)) {
			const existing = findValidCertificate(userId, course.id);
			if (existing) return { certificate: existing, created: false };
		}
		throw error;
	}
}

/**
 * Idempotent: returns the learner's valid certificate for the course if there is one, else
 * issues it. Callers decide whether the learner has earned it (see maybeIssueCertificate and
 * the manual issue in manage.ts).
 */
export function issueCertificate(
	userId: string,
	courseId: string,
	options: Omit<IssueOptions, 'supersedes'> = {}
): IssueResult {
	const course = getCourse(courseId);
	if (!course?.certificate) throw new Error(`course ${courseId} issues no certificate`);
	const existing = findValidCertificate(userId, courseId);
	if (existing) return { certificate: existing, created: false };
	return insertCertificate(userId, course, options);
}

/**
 * Automatic issue when a course turns complete. Courses that require attendance are left to
 * the cohort's trainers, who issue once the attendance is recorded. Never throws: it runs as an
 * event listener inside the learner's request.
 */
export async function maybeIssueCertificate(
	userId: string,
	courseId: string,
	now = new Date()
): Promise<boolean> {
	try {
		const eligibility = checkEligibility(userId, courseId, now);
		// Without an issuer it waits; the hourly run issues it once one is entered.
		if (!eligibility.eligible || !isIssuerReady()) return false;
		if (eligibility.course.attendanceRequired && getEnrolment(userId, courseId)?.cohortId) {
			return false;
		}
		return issueCertificate(userId, courseId).created;
	} catch (error) {
		console.error(`certificate for ${userId} in ${courseId} could not be issued`, error);
		return false;
	}
}

/**
 * Certificates that were held back: cohort learners who finished online before the cohort's
 * last module day, once that day has come, and anyone who finished while no issuer was entered.
 * Runs hourly; idempotent. Returns how many were issued.
 */
export async function issueDueCertificates(now = new Date()): Promise<number> {
	const waiting = getDb()
		.select({ userId: enrolments.userId, courseId: enrolments.courseId })
		.from(enrolments)
		.leftJoin(
			certificates,
			and(
				eq(certificates.userId, enrolments.userId),
				eq(certificates.courseId, enrolments.courseId),
				equalsLiteral(certificates.status, 'valid')
			)
		)
		.where(isNull(certificates.id))
		.all();
	let issued = 0;
	for (const [index, { userId, courseId }] of waiting.entries()) {
		// Requests go first: a large instance checks thousands of enrolments at start.
		if (index % 50 === 49) await new Promise((done) => setImmediate(done));
		if (!getCourse(courseId)?.certificate) continue;
		if (await maybeIssueCertificate(userId, courseId, now)) issued += 1;
	}
	return issued;
}

let registered = false;

/** Wires automatic issuing to course completion; call once at server start. */
export function registerCertificateIssuing(): void {
	if (registered) return;
	registered = true;
	onCourseCompleted(async (userId, courseId) => {
		await maybeIssueCertificate(userId, courseId);
	});
}
