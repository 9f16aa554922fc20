import type { CertificateSnapshot } from '$lib/certificates';
import type { CertificateKind, CourseMeta } from '$lib/content/types';
import { and, eq, inArray } from 'drizzle-orm';
import { getEnrolment } from '../cohorts/enrolment';
import { getDb } from '../db';
import { cohortModules, cohorts, users } from '../db/schema';
import { getCourseProgress } from '../progress';
import { awardedKind, curriculumSnapshotFields, gatherCriteriaFacts } from './criteria';
import type { IssuerSettings } from './settings';
import { berlinDay } from '$lib/berlin-day';

export interface SnapshotInput {
	learnerName: string;
	course: CourseMeta;
	cohort: { name: string; from: string | null; to: string | null } | null;
	enrolledAt: Date | null;
	completedAt: Date | null;
	issuer: IssuerSettings;
	issuedAt: Date;
	/** Decided by the course's criteria; default: the course's certificate kind. */
	kind?: CertificateKind;
}

/** Pure: the snapshot from everything gathered before the insert, plus number and code. */
export function buildSnapshot(
	input: SnapshotInput,
	ids: { number: string; code: string }
): CertificateSnapshot {
	const { course } = input;
	if (!course.certificate) throw new Error(`course ${course.id} has no certificate`);
	const kind = input.kind ?? course.certificate.kind;
	return {
		version: 1,
		number: ids.number,
		code: ids.code,
		learnerName: input.learnerName,
		courseId: course.id,
		courseTitle: course.title,
		kind,
		title: course.certificate.title,
		modules: course.modules.map((module) => ({ title: module.title, hours: module.hours })),
		totalHours: course.certificate.hours,
		...curriculumSnapshotFields(course.certificate, kind),
		cohort: input.cohort ? { name: input.cohort.name } : null,
		period: certificatePeriod(input),
		issuer: { ...input.issuer },
		issuedOn: berlinDay(input.issuedAt)
	};
}

/**
 * Only what has happened: the cohort's first and last day where they lie before the issue date,
 * else the learner's own first and last activity (enrolment, completion). A certificate issued
 * before a cohort's dates never states them.
 */
export function certificatePeriod(
	input: Pick<SnapshotInput, 'cohort' | 'enrolledAt' | 'completedAt' | 'issuedAt'>
): { from: string | null; to: string } {
	const issuedOn = berlinDay(input.issuedAt);
	const passed = (day: string | null | undefined) => (day && day <= issuedOn ? day : null);
	const activityTo = input.completedAt ? berlinDay(input.completedAt) : issuedOn;
	const to = passed(input.cohort?.to) ?? (activityTo <= issuedOn ? activityTo : issuedOn);
	const activityFrom = input.enrolledAt ? berlinDay(input.enrolledAt) : null;
	const from =
		passed(input.cohort?.from) ?? (activityFrom && activityFrom <= to ? activityFrom : null);
	return { from, to };
}

/** The first and last in-person day of a cohort, from its module dates. */
export function cohortPeriod(cohortId: string, moduleIds: string[]) {
	if (moduleIds.length === 0) return { from: null, to: null };
	const rows = getDb()
		.select({ startsOn: cohortModules.startsOn, endsOn: cohortModules.endsOn })
		.from(cohortModules)
		.where(and(eq(cohortModules.cohortId, cohortId), inArray(cohortModules.moduleId, moduleIds)))
		.all();
	const days = rows.flatMap((row) => [row.startsOn, row.endsOn]).filter((d): d is string => !!d);
	days.sort();
	return { from: days[0] ?? null, to: days.at(-1) ?? null };
}

/**
 * Reads what the snapshot needs for one learner and course (outside the insert transaction).
 * `inCohort`: the cohort the certificate belongs to, when not the learner's current one.
 */
export function gatherSnapshotInput(
	userId: string,
	course: CourseMeta,
	issuer: IssuerSettings,
	issuedAt: Date,
	inCohort?: string | null
): SnapshotInput & { cohortId: string | null } {
	const db = getDb();
	const user = db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
	if (!user) throw new Error(`unknown user ${userId}`);
	const enrolment = getEnrolment(userId, course.id);
	const cohortId = inCohort === undefined ? (enrolment?.cohortId ?? null) : inCohort;
	const cohortRow = cohortId
		? db.select({ name: cohorts.name }).from(cohorts).where(eq(cohorts.id, cohortId)).get()
		: undefined;
	const cohort = cohortRow
		? {
				name: cohortRow.name,
				...cohortPeriod(
					cohortId!,
					course.modules.map((module) => module.id)
				)
			}
		: null;
	return {
		cohortId: cohortRow ? cohortId : null,
		learnerName: user.name,
		course,
		cohort,
		enrolledAt: enrolment?.createdAt ?? null,
		completedAt: getCourseProgress(userId, course.id)?.completedAt ?? null,
		issuer,
		issuedAt,
		kind: course.certificate
			? awardedKind(course.certificate, gatherCriteriaFacts(userId, course))
			: undefined
	};
}
