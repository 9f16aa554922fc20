/** Certificate types shared by server and pages (no secrets, nothing server-only). */
import type { CertificateCriteria, CertificateKind, HoursSplit } from '$lib/content/types';

export type CertificateStatus = 'valid' | 'revoked' | 'superseded';

/**
 * What a certificate certifies, frozen at issue time: later changes to the course, the learner's
 * name or the settings leave it as printed. Signed as a whole.
 */
export interface CertificateSnapshot {
	version: 1;
	number: string;
	code: string;
	learnerName: string;
	courseId: string;
	courseTitle: string;
	kind: CertificateKind;
	title: string;
	modules: { title: string; hours: number | null }[];
	totalHours: number;
	/** How the UE are made up (absent on certificates of courses without a split). */
	hoursSplit?: HoursSplit;
	/** The criteria a Zertifikat was awarded by (absent without criteria). */
	criteria?: CertificateCriteria;
	cohort: { name: string } | null;
	/** YYYY-MM-DD; from the cohort's module dates, else from enrolment to completion. */
	period: { from: string | null; to: string | null };
	issuer: {
		name: string;
		address: string;
		place: string;
		signatoryName: string;
		signatoryRole: string;
	};
	issuedOn: string;
}

/** The document a certificate notification names (older ones without a kind were Zertifikate). */
export const certificateKindOf = (data: { certificateKind?: string }): CertificateKind =>
	data.certificateKind === 'teilnahmebestaetigung' ? 'teilnahmebestaetigung' : 'zertifikat';
