import { m } from '$lib/paraglide/messages.js';
import type { AuditAction } from '$lib/server/audit/actions';

/** German (and English) names of audit actions for the admin's log and its filter. */
export const auditActionLabel = (action: string): string => {
	const labels: Record<AuditAction, () => string> = {
		'login.succeeded': m.privacy_audit_action_login_succeeded,
		'login.failed': m.privacy_audit_action_login_failed,
		'user.role_changed': m.privacy_audit_action_user_role_changed,
		'user.deactivated': m.privacy_audit_action_user_deactivated,
		'user.reactivated': m.privacy_audit_action_user_reactivated,
		'user.updated': m.privacy_audit_action_user_updated,
		'user.password_reset_mailed': m.privacy_audit_action_user_password_reset_mailed,
		'user.email_change_requested': m.privacy_audit_action_user_email_change_requested,
		'user.email_changed': m.privacy_audit_action_user_email_changed,
		'invite.created': m.privacy_audit_action_invite_created,
		'invite.revoked': m.privacy_audit_action_invite_revoked,
		'cohort.csv_imported': m.privacy_audit_action_cohort_csv_imported,
		'cohort.learner_moved': m.privacy_audit_action_cohort_learner_moved,
		'cohort.learner_removed': m.privacy_audit_action_cohort_learner_removed,
		'cohort.module_unlocked': m.privacy_audit_action_cohort_module_unlocked,
		'attendance.changed': m.privacy_audit_action_attendance_changed,
		'submission.reviewed': m.privacy_audit_action_submission_reviewed,
		'certificate.issued': m.privacy_audit_action_certificate_issued,
		'certificate.revoked': m.privacy_audit_action_certificate_revoked,
		'certificate.reissued': m.privacy_audit_action_certificate_reissued,
		'data.exported': m.privacy_audit_action_data_exported,
		'account.deleted': m.privacy_audit_action_account_deleted,
		'account.deletion_requested': m.privacy_audit_action_account_deletion_requested,
		'account.deletion_cancelled': m.privacy_audit_action_account_deletion_cancelled,
		'retention.warning_sent': m.privacy_audit_action_retention_warning_sent,
		'cohort.personal_data_deleted': m.privacy_audit_action_cohort_personal_data_deleted,
		'audit_log.purged': m.privacy_audit_action_audit_log_purged,
		'uploads.orphans_removed': m.privacy_audit_action_uploads_orphans_removed,
		'settings.changed': m.privacy_audit_action_settings_changed,
		'content.published': m.privacy_audit_action_content_published,
		'content.reloaded': m.privacy_audit_action_content_reloaded,
		'content.restored': m.privacy_audit_action_content_restored,
		'authoring.granted': m.privacy_audit_action_authoring_granted,
		'authoring.revoked': m.privacy_audit_action_authoring_revoked,
		'mail.requeued': m.privacy_audit_action_mail_requeued,
		'discussion.pinned': m.discussions_audit_pinned,
		'discussion.unpinned': m.discussions_audit_unpinned,
		'discussion.locked': m.discussions_audit_locked,
		'discussion.unlocked': m.discussions_audit_unlocked,
		'discussion.moved': m.discussions_audit_moved,
		'discussion.post_hidden': m.discussions_audit_post_hidden,
		'discussion.post_shown': m.discussions_audit_post_shown,
		'discussion.reported': m.discussions_audit_reported,
		'discussion.report_resolved': m.discussions_audit_report_resolved
	};
	return (labels as Record<string, () => string>)[action]?.() ?? action;
};
