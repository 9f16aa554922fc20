import { and, desc, eq, max, sql } from 'drizzle-orm';
import type { CertificateKind } from '$lib/content/types';
import { getDb } from '../db';
import { equalsLiteral } from '../db/literal';
import { preparedQuery } from '../db/prepared';
import { certificates, erasedCertificates } from '../db/schema';
import type { CertificateSnapshot, CertificateStatus } from '$lib/certificates';

export interface CertificateRecord {
	id: string;
	userId: string;
	courseId: string;
	cohortId: string | null;
	number: string;
	code: string;
	status: CertificateStatus;
	snapshot: CertificateSnapshot;
	signature: string;
	issuedAt: Date;
	issuedBy: string | null;
	revokedAt: Date | null;
	revokedReason: string | null;
	supersededBy: string | null;
}

export const certificateColumns = {
	id: certificates.id,
	userId: certificates.userId,
	courseId: certificates.courseId,
	cohortId: certificates.cohortId,
	number: certificates.number,
	code: certificates.code,
	status: certificates.status,
	snapshot: certificates.snapshot,
	signature: certificates.signature,
	issuedAt: certificates.issuedAt,
	issuedBy: certificates.issuedBy,
	revokedAt: certificates.revokedAt,
	revokedReason: certificates.revokedReason,
	supersededBy: certificates.supersededBy
};

/** What a certificate's own page shows of it, for its holder and its trainers alike. */
export function certificateView(certificate: CertificateRecord) {
	const { id, number, code, status, snapshot, revokedAt } = certificate;
	return { id, number, code, status, snapshot, revokedAt };
}

type Reader = Pick<ReturnType<typeof getDb>, 'select'>;

const asRecord = (row: Record<string, unknown> | undefined) => row as CertificateRecord | undefined;

export function getCertificate(id: string, db: Reader = getDb()): CertificateRecord | undefined {
	return asRecord(
		db.select(certificateColumns).from(certificates).where(eq(certificates.id, id)).get()
	);
}

export function getCertificateByCode(code: string): CertificateRecord | undefined {
	return asRecord(
		getDb().select(certificateColumns).from(certificates).where(eq(certificates.code, code)).get()
	);
}

const validDocumentKind = preparedQuery((db) =>
	db
		.select({ kind: sql<CertificateKind>`json_extract(${certificates.snapshot}, '$.kind')` })
		.from(certificates)
		.where(
			and(
				eq(certificates.userId, sql.placeholder('userId')),
				eq(certificates.courseId, sql.placeholder('courseId')),
				equalsLiteral(certificates.status, 'valid')
			)
		)
		.prepare()
);

/** The kind of the learner's valid document for a course, if any: the course page names it. */
export function validDocumentKindOf(userId: string, courseId: string): CertificateKind | undefined {
	return validDocumentKind().get({ userId, courseId })?.kind ?? undefined;
}

export function findValidCertificate(
	userId: string,
	courseId: string,
	db: Reader = getDb()
): CertificateRecord | undefined {
	return asRecord(
		db
			.select(certificateColumns)
			.from(certificates)
			.where(
				and(
					eq(certificates.userId, userId),
					eq(certificates.courseId, courseId),
					equalsLiteral(certificates.status, 'valid')
				)
			)
			.get()
	);
}

/** A user's certificates, newest first, all statuses (so a revocation is not a silent loss). */
export function listCertificatesOfUser(userId: string): CertificateRecord[] {
	return getDb()
		.select(certificateColumns)
		.from(certificates)
		.where(eq(certificates.userId, userId))
		.orderBy(desc(certificates.issuedAt))
		.all() as CertificateRecord[];
}

/** All certificates of one learner and course, newest first (the history a trainer sees). */
export function listCertificatesOf(userId: string, courseId: string): CertificateRecord[] {
	return getDb()
		.select(certificateColumns)
		.from(certificates)
		.where(and(eq(certificates.userId, userId), eq(certificates.courseId, courseId)))
		.orderBy(desc(certificates.issuedAt))
		.all() as CertificateRecord[];
}

/**
 * The next serial of a year; called inside the insert transaction so no two get the same.
 * Serials of erased certificates stay taken: a number is never given to a second person.
 */
export function nextSerial(year: number, db: Reader = getDb()): number {
	const row = db
		.select({ last: max(certificates.serial) })
		.from(certificates)
		.where(eq(certificates.year, year))
		.get();
	const erased = db
		.select({ last: max(erasedCertificates.serial) })
		.from(erasedCertificates)
		.where(eq(erasedCertificates.year, year))
		.get();
	return Math.max(row?.last ?? 0, erased?.last ?? 0) + 1;
}

/** The code belonged to a certificate whose holder was deleted (the page says "gelöscht"). */
export function isErasedCertificateCode(code: string): boolean {
	return !!getDb()
		.select({ code: erasedCertificates.code })
		.from(erasedCertificates)
		.where(eq(erasedCertificates.code, code))
		.get();
}
