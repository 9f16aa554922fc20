import { envPositive, type EnvName } from '../config/env';
/**
 * Retention periods, read from the environment on every call (tests and the Datenschutz page see
 * the same values the job uses). A missing value means the default; a wrong one stops the start.
 */
const positiveInt = (name: EnvName, fallback: number) => envPositive(name, fallback);

export interface RetentionConfig {
	/** Accounts without a login for this many months are deleted (default 36). */
	inactiveMonths: number;
	/** Personal data of a cohort's learners is deleted this many months after its end (24). */
	cohortMonths: number;
	/** A learner's own deletion request is carried out after this many days unless confirmed (14). */
	deletionGraceDays: number;
	/** Audit log entries are kept this many months (24 = two years). */
	auditMonths: number;
	/** Warning (notification and mail) this many days before a retention deletion (30). */
	warningDays: number;
}

export function retentionConfig(): RetentionConfig {
	return {
		inactiveMonths: positiveInt('RETENTION_INACTIVE_MONTHS', 36),
		cohortMonths: positiveInt('RETENTION_COHORT_MONTHS', 24),
		deletionGraceDays: positiveInt('DELETION_GRACE_DAYS', 14),
		auditMonths: positiveInt('AUDIT_RETENTION_MONTHS', 24),
		warningDays: 30
	};
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** `date` moved by whole calendar months (UTC), e.g. 36 months back. */
export function addMonths(date: Date, months: number): Date {
	const moved = new Date(date.getTime());
	moved.setUTCMonth(moved.getUTCMonth() + months);
	return moved;
}
