import { m } from '$lib/paraglide/messages.js';
import type { MailFrequency, MailKind, MailStatus } from './mail';

export const mailKindLabel = (kind: MailKind): string =>
	({
		invite: m.mail_kind_invite,
		password_reset: m.mail_kind_password_reset,
		password_reset_link_created: m.mail_kind_password_reset_link_created,
		password_changed: m.mail_kind_password_changed,
		email_change_confirm: m.mail_kind_email_change_confirm,
		email_address_confirm: m.mail_kind_email_address_confirm,
		email_change_taken: m.mail_kind_email_change_taken,
		email_changed: m.mail_kind_email_changed,
		feedback_received: m.mail_kind_feedback_received,
		assignment_due: m.mail_kind_assignment_due,
		submission_to_review: m.mail_kind_submission_to_review,
		certificate_issued: m.mail_kind_certificate_issued,
		discussion_reply: m.discussions_mail_kind_reply,
		event_update: m.events_mail_kind,
		discussion_mention: m.discussions_mail_kind_mention,
		alumni_joined: m.alumni_mail_kind_joined,
		mentoring_update: m.mentoring_mail_kind,
		digest: m.mail_kind_digest,
		retention_warning: m.privacy_mail_kind_retention_warning,
		barrier_report: m.operator_mail_kind_barrier_report
	})[kind]();

export const mailFrequencyLabel = (frequency: MailFrequency): string =>
	({
		immediate: m.mail_frequency_immediate,
		daily: m.mail_frequency_daily,
		never: m.mail_frequency_never
	})[frequency]();

export const mailStatusLabel = (status: MailStatus): string =>
	({
		queued: m.mail_status_queued,
		sending: m.mail_status_sending,
		sent: m.mail_status_sent,
		kept: m.mail_status_kept,
		failed: m.mail_status_failed
	})[status]();
