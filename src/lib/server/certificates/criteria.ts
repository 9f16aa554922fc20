import type { CertificateSnapshot } from '$lib/certificates';
import type { CertificateKind, CertificateMeta, CourseMeta } from '$lib/content/types';
import { getEnrolment } from '../cohorts/enrolment';
import { getCohortAttendance, getCourseProgress } from '../progress';

// A course may set criteria for its Zertifikat; whoever misses one gets a Teilnahmebestätigung.
// The kind is decided when the certificate is issued and frozen in its snapshot.

export interface CriteriaFacts {
	/** Share of the cohort's recorded in-person days the learner was present; null without any. */
	attendancePercent: number | null;
	requiredAssignmentsAccepted: boolean;
}

/** Pure: the kind a learner with these facts is awarded. */
export function awardedKind(certificate: CertificateMeta, facts: CriteriaFacts): CertificateKind {
	const criteria = certificate.criteria;
	if (!criteria || certificate.kind !== 'zertifikat') return certificate.kind;
	const { minAttendancePercent, requiredAssignmentsAccepted } = criteria;
	const attended =
		minAttendancePercent === null ||
		(facts.attendancePercent !== null && facts.attendancePercent >= minAttendancePercent);
	const assignments = !requiredAssignmentsAccepted || facts.requiredAssignmentsAccepted;
	return attended && assignments ? 'zertifikat' : 'teilnahmebestaetigung';
}

/** Reads the facts the criteria ask about for one learner (outside any transaction). */
export function gatherCriteriaFacts(userId: string, course: CourseMeta): CriteriaFacts {
	const cohortId = getEnrolment(userId, course.id)?.cohortId;
	const attendance = cohortId ? getCohortAttendance(cohortId, userId) : null;
	const progress = getCourseProgress(userId, course.id);
	const required = (progress?.modules ?? [])
		.flatMap((module) => module.items)
		.filter((entry) => entry.item.type === 'assignment' && entry.item.required);
	return {
		attendancePercent:
			attendance && attendance.days > 0 ? (attendance.present / attendance.days) * 100 : null,
		requiredAssignmentsAccepted: required.every((entry) => entry.complete)
	};
}

/**
 * What the certificate prints beyond the contract: the UE split and, on a Zertifikat awarded
 * by criteria, the criteria it met. Keys are left out when empty, so snapshots of courses
 * without these rules (and their signatures) stay as they were.
 */
export function curriculumSnapshotFields(
	certificate: CertificateMeta,
	kind: CertificateKind
): Pick<CertificateSnapshot, 'hoursSplit' | 'criteria'> {
	return {
		...(certificate.hoursSplit ? { hoursSplit: { ...certificate.hoursSplit } } : {}),
		...(certificate.criteria && kind === 'zertifikat'
			? { criteria: { ...certificate.criteria } }
			: {})
	};
}
