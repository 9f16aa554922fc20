/**
 * Every action the audit log records. Add new ones here (one name per action, `domain.verb`),
 * so the admin filter and the tests that require an entry per action know them all.
 */
export const auditActions = [
	'login.succeeded',
	'login.failed',
	'user.role_changed',
	'user.deactivated',
	'user.reactivated',
	'user.updated',
	'user.password_reset_mailed',
	'user.email_change_requested',
	'user.email_changed',
	'invite.created',
	'invite.revoked',
	'cohort.csv_imported',
	'cohort.learner_moved',
	'cohort.learner_removed',
	'cohort.module_unlocked',
	'attendance.changed',
	'submission.reviewed',
	'certificate.issued',
	'certificate.revoked',
	'certificate.reissued',
	'data.exported',
	'account.deleted',
	'account.deletion_requested',
	'account.deletion_cancelled',
	'retention.warning_sent',
	'cohort.personal_data_deleted',
	'audit_log.purged',
	'uploads.orphans_removed',
	'settings.changed',
	'content.published',
	'content.reloaded',
	'content.restored',
	'authoring.granted',
	'authoring.revoked',
	'mail.requeued'
] as const;

export type AuditAction = (typeof auditActions)[number];
