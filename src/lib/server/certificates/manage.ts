import { recordAudit } from '../audit';
import { and, asc, count, eq, exists, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import { containsText } from '../db/like';
import type { SessionUser } from '../auth/session';
import { canManageCohort, listManagedCohorts } from '../cohorts/access';
import { getEnrolment } from '../cohorts/enrolment';
import { cohortLastDay } from './eligibility';
import { isIssuerReady } from './settings';
import { getCatalogue, getCourse } from '../content';
import { getDb } from '../db';
import { equalsLiteral } from '../db/literal';
import { certificates, cohorts, enrolments, users } from '../db/schema';
import { getCourseProgress } from '../progress';
import {
	CertificateConflict,
	insertCertificate,
	issueCertificate,
	type IssueResult
} from './issue';
import {
	findValidCertificate,
	getCertificate,
	listCertificatesOf,
	type CertificateRecord
} from './queries';
import { pageOfQuery } from '../db/paging';
import { berlinDay } from '$lib/berlin-day';

export const REVOKE_REASON_MAX = 500;

/** Admins manage every learner; trainers those enrolled in a cohort they run. */
export function canManageLearnerCourse(actor: SessionUser, userId: string, courseId: string) {
	if (actor.role === 'admin') return true;
	if (actor.role !== 'trainer') return false;
	const cohortId = getEnrolment(userId, courseId)?.cohortId;
	return !!cohortId && canManageCohort(actor, cohortId);
}

/**
 * A certificate belongs to the cohort it was issued in: its trainers (and admins) manage it,
 * not the trainers of whichever cohort the learner is in now.
 */
export function canManageCertificate(
	actor: SessionUser,
	certificate: Pick<CertificateRecord, 'cohortId'>
) {
	if (actor.role === 'admin') return true;
	return !!certificate.cohortId && canManageCohort(actor, certificate.cohortId);
}

/**
 * The learner, the trainers of the cohort it was issued in and admins; for everyone else it
 * does not exist.
 */
export function getCertificateFor(actor: SessionUser, id: string): CertificateRecord | undefined {
	const certificate = getCertificate(id);
	if (!certificate) return undefined;
	if (certificate.userId === actor.id || canManageCertificate(actor, certificate)) {
		return certificate;
	}
	return undefined;
}

export type ManualIssueResult =
	| ({ ok: true } & IssueResult)
	| {
			ok: false;
			reason: 'forbidden' | 'no_certificate' | 'not_enrolled' | 'incomplete' | 'issued_elsewhere';
	  }
	| { ok: false; reason: 'before_last_day'; lastDay: string }
	| { ok: false; reason: 'issuer_missing' };

/**
 * A trainer or admin issues a certificate, e.g. after recording attendance. An incomplete course
 * needs an explicit confirmation (`evenIfIncomplete`), so nobody does it by accident.
 */
export function issueManually(
	actor: SessionUser,
	userId: string,
	courseId: string,
	evenIfIncomplete = false,
	now = new Date()
): ManualIssueResult {
	const course = getCourse(courseId);
	if (!course?.certificate) return { ok: false, reason: 'no_certificate' };
	if (!canManageLearnerCourse(actor, userId, courseId)) return { ok: false, reason: 'forbidden' };
	if (!getEnrolment(userId, courseId)) return { ok: false, reason: 'not_enrolled' };
	const valid = findValidCertificate(userId, courseId);
	// A valid certificate from an earlier cohort is not this trainer's to hand out or change.
	if (valid && !canManageCertificate(actor, valid))
		return { ok: false, reason: 'issued_elsewhere' };
	if (!valid && !isIssuerReady()) return { ok: false, reason: 'issuer_missing' };
	// A certificate states only what happened: not before the cohort's last module day.
	const lastDay = cohortLastDay(userId, course);
	if (!valid && lastDay && lastDay > berlinDay(now)) {
		return { ok: false, reason: 'before_last_day', lastDay };
	}
	const complete = getCourseProgress(userId, courseId)?.isComplete ?? false;
	if (!complete && !evenIfIncomplete && !valid) {
		return { ok: false, reason: 'incomplete' };
	}
	return { ok: true, ...issueCertificate(userId, courseId, { issuedBy: actor.id }) };
}

export type ChangeResult =
	{ ok: true; certificate: CertificateRecord } | { ok: false; reason: 'not_found' | 'not_valid' };

export function revokeCertificate(
	actor: SessionUser,
	id: string,
	reason: string,
	now = new Date()
): ChangeResult {
	const certificate = getCertificateFor(actor, id);
	if (!certificate || !canManageCertificate(actor, certificate)) {
		return { ok: false, reason: 'not_found' };
	}
	const revoked = getDb().transaction((tx) => {
		const result = tx
			.update(certificates)
			.set({ status: 'revoked', revokedAt: now, revokedReason: reason.slice(0, REVOKE_REASON_MAX) })
			.where(and(eq(certificates.id, id), equalsLiteral(certificates.status, 'valid')))
			.run();
		if (result.changes !== 1) return false;
		recordAudit(
			{
				actorId: actor.id,
				action: 'certificate.revoked',
				objectType: 'certificate',
				objectId: id,
				subjectUserId: certificate.userId,
				details: { number: certificate.number }
			},
			tx,
			now
		);
		return true;
	});
	if (!revoked) return { ok: false, reason: 'not_valid' };
	return { ok: true, certificate: getCertificate(id)! };
}

/** A new certificate from today's data (name, settings); the old one points to it. */
export function reissueCertificate(actor: SessionUser, id: string): ChangeResult {
	const certificate = getCertificateFor(actor, id);
	if (!certificate || !canManageCertificate(actor, certificate)) {
		return { ok: false, reason: 'not_found' };
	}
	const course = getCourse(certificate.courseId);
	if (certificate.status !== 'valid' || !course?.certificate) {
		return { ok: false, reason: 'not_valid' };
	}
	try {
		// The replacement belongs where the original was earned, even if the learner moved on.
		const result = insertCertificate(certificate.userId, course, {
			issuedBy: actor.id,
			supersedes: certificate.id,
			cohortId: certificate.cohortId
		});
		return { ok: true, certificate: result.certificate };
	} catch (error) {
		if (error instanceof CertificateConflict) return { ok: false, reason: 'not_valid' };
		throw error;
	}
}

export interface LearnerCertificateRow {
	userId: string;
	name: string;
	courseId: string;
	courseTitle: string;
	cohortName: string | null;
	percent: number;
	isComplete: boolean;
	/** The cohort's last module day while it lies ahead: no certificate before it. */
	waitsUntil: string | null;
	certificate: Pick<CertificateRecord, 'id' | 'number' | 'status' | 'issuedAt'> | null;
}

const PAGE_SIZE = 25;

/**
 * Enrolments in courses with a certificate that the actor manages, with each learner's progress
 * and current certificate. `cohortId` narrows to one cohort.
 */
/** A name, an e-mail address or a certificate number (or part of one). */
function matchesQuery(db: ReturnType<typeof getDb>, query: string): SQL {
	const numbered = db
		.select({ id: certificates.id })
		.from(certificates)
		.where(
			and(
				eq(certificates.userId, enrolments.userId),
				eq(certificates.courseId, enrolments.courseId),
				containsText(certificates.number, query)
			)
		);
	return or(containsText(users.name, query), containsText(users.email, query), exists(numbered))!;
}

export function listLearnersForCertificates(
	actor: SessionUser,
	options: { cohortId?: string; query?: string; page?: number } = {}
) {
	const courseIds = getCatalogue()
		.filter((course) => course.certificate)
		.map((course) => course.id);
	const empty = { rows: [] as LearnerCertificateRow[], total: 0, page: 1, pages: 1 };
	const filters: SQL[] = [inArray(enrolments.courseId, courseIds)];
	if (actor.role !== 'admin') {
		const managed = listManagedCohorts(actor).map((cohort) => cohort.id);
		if (managed.length === 0) return empty;
		filters.push(inArray(enrolments.cohortId, managed));
	}
	if (options.cohortId) filters.push(eq(enrolments.cohortId, options.cohortId));
	if (actor.role !== 'admin') filters.push(isNotNull(enrolments.cohortId));
	const db = getDb();
	const query = options.query?.trim();
	if (query) filters.push(matchesQuery(db, query));
	const where = and(...filters);
	const window = pageOfQuery(
		db
			.select({ n: count() })
			.from(enrolments)
			.innerJoin(users, eq(users.id, enrolments.userId))
			.where(where),
		db
			.select({
				userId: enrolments.userId,
				courseId: enrolments.courseId,
				cohortId: enrolments.cohortId,
				name: users.name,
				cohortName: cohorts.name
			})
			.from(enrolments)
			.innerJoin(users, eq(users.id, enrolments.userId))
			.leftJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
			.where(where)
			.orderBy(asc(users.name), asc(enrolments.courseId)),
		options.page ?? 1,
		PAGE_SIZE
	);
	const today = berlinDay();
	return {
		...window,
		rows: window.rows.map(({ cohortId, ...row }): LearnerCertificateRow => {
			const progress = getCourseProgress(row.userId, row.courseId);
			// The valid one, else the latest (revoked or superseded) so its history stays reachable;
			// for trainers only those issued in this cohort (earlier cohorts keep theirs).
			const mine = listCertificatesOf(row.userId, row.courseId).filter((certificate) =>
				actor.role === 'admin' ? true : certificate.cohortId === cohortId
			);
			const valid = mine.find((certificate) => certificate.status === 'valid') ?? mine[0];
			return {
				...row,
				courseTitle: getCourse(row.courseId)?.title ?? row.courseId,
				percent: progress?.percent ?? 0,
				isComplete: progress?.isComplete ?? false,
				waitsUntil: lastDayAhead(row.userId, row.courseId, today),
				certificate: valid
					? { id: valid.id, number: valid.number, status: valid.status, issuedAt: valid.issuedAt }
					: null
			};
		})
	};
}

function lastDayAhead(userId: string, courseId: string, today: string): string | null {
	const course = getCourse(courseId);
	const lastDay = course ? cohortLastDay(userId, course) : null;
	return lastDay && lastDay > today ? lastDay : null;
}
