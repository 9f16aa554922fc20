import { formatDate, formatDateTime, formatDay } from '$lib/format';
import type { MailKind } from '$lib/mail';
import { m } from '$lib/paraglide/messages.js';
import type { Role } from '../db/schema';
import type { MentoringEvent, NotificationData } from '$lib/notifications';
import { caseMailSubject, caseNoticeText, casePhaseInstruction } from '$lib/case-consultation';
import { mentoringText } from '$lib/mentoring';
import { accountMailBody, type AccountMailInput, type MailBody } from './account-templates';
import { composeMail, type ComposedMail, type MailLink } from './compose';

export type Locale = 'de' | 'en';

/** What each kind of mail says; paths are relative to ORIGIN. */
export type MailTemplateInput =
	| {
			kind: 'invite';
			inviterName: string;
			cohortName: string | null;
			role: Role;
			path: string;
			expiresAt: Date;
			/** The address already has an account: the link accepts, it does not register. */
			hasAccount?: boolean;
	  }
	| AccountMailInput
	| {
			kind: 'feedback_received';
			name: string;
			trainerName: string;
			itemTitle: string;
			decision: 'accepted' | 'revision_requested';
			excerpt: string;
			path: string;
	  }
	| { kind: 'assignment_due'; name: string; itemTitle: string; dueOn: string; path: string }
	| {
			kind: 'submission_to_review';
			name: string;
			learnerName: string;
			itemTitle: string;
			path: string;
	  }
	| {
			kind: 'certificate_issued';
			name: string;
			courseTitle: string;
			documentKind: string;
			number: string;
			verifyPath: string;
	  }
	| {
			kind: 'discussion_reply' | 'discussion_mention';
			name: string;
			authorName: string;
			threadTitle: string;
			excerpt: string;
			path: string;
			/** A Fallberatung's notice (a role given, a new phase) rather than a post. */
			caseNotice?: NotificationData;
	  }
	| {
			kind: 'event_update';
			name: string;
			notice: 'invited' | 'promoted' | 'cancelled' | 'removed';
			eventTitle: string;
			day: string;
			path: string;
	  }
	| { kind: 'alumni_joined'; name: string; courseTitle: string; path: string }
	| {
			kind: 'mentoring_update';
			name: string;
			event: MentoringEvent;
			otherName: string;
			/** Hospitation: the offer and its organisation. */
			title?: string;
			excerpt: string;
			path: string;
	  }
	| { kind: 'digest'; name: string; day: string; items: { text: string; path: string }[] }
	| { kind: 'barrier_report'; page: string; description: string; replyTo: string }
	| {
			kind: 'retention_warning';
			name: string;
			/** null: the whole account (inactive); else the cohort whose data goes. */
			cohortName: string | null;
			deleteOn: Date;
			months: number;
	  };

export interface RenderOptions {
	locale: Locale;
	origin: string;
	/** Notification mails: the one-click unsubscribe path for this kind. */
	unsubscribePath?: string;
}

type Body = MailBody;

const ACCOUNT_MAIL_SETTINGS = '/konto#email-einstellungen';

/** The button of a mentoring or Hospitation mail: what the reader is asked to look at. */
function mentoringActionLabel(event: MentoringEvent, o: { locale: Locale }): string {
	if (event === 'hospitation_applied') return m.hospitation_mail_action_application({}, o);
	if (event.startsWith('hospitation_')) return m.hospitation_mail_action({}, o);
	if (event === 'requested') return m.mentoring_mail_action_request({}, o);
	return m.mentoring_mail_action({}, o);
}

function body(input: MailTemplateInput, locale: Locale, url: (path: string) => string): Body {
	const o = { locale };
	switch (input.kind) {
		case 'invite': {
			const role = {
				learner: m.common_role_learner,
				trainer: m.common_role_trainer,
				admin: m.common_role_admin
			}[input.role]({}, o);
			const expiry = input.hasAccount ? m.mail_invite_expiry_account : m.mail_invite_expiry;
			const action = input.hasAccount ? m.mail_invite_action_account : m.mail_invite_action;
			return {
				subject: m.mail_invite_subject({ inviter: input.inviterName }, o),
				paragraphs: [
					m.mail_invite_text({ inviter: input.inviterName }, o),
					...(input.cohortName ? [m.mail_invite_cohort({ cohort: input.cohortName }, o)] : []),
					...(input.role !== 'learner' ? [m.mail_invite_role({ role }, o)] : []),
					expiry({ until: formatDateTime(input.expiresAt, locale) }, o),
					m.mail_invite_ignore({}, o)
				],
				action: { label: action({}, o), url: url(input.path) }
			};
		}
		case 'password_reset':
		case 'password_reset_link_created':
		case 'password_changed':
		case 'email_change_confirm':
		case 'email_address_confirm':
		case 'email_change_taken':
		case 'email_changed':
			return accountMailBody(input, locale, url);
		case 'feedback_received': {
			const accepted = input.decision === 'accepted';
			const params = { title: input.itemTitle, trainer: input.trainerName };
			return {
				name: input.name,
				subject: accepted
					? m.mail_feedback_accepted_subject(params, o)
					: m.mail_feedback_revision_subject(params, o),
				paragraphs: [
					accepted
						? m.mail_feedback_accepted_text(params, o)
						: m.mail_feedback_revision_text(params, o),
					...(input.excerpt ? [m.mail_feedback_excerpt({}, o)] : [])
				],
				quote: input.excerpt || undefined,
				action: { label: m.mail_feedback_action({}, o), url: url(input.path) }
			};
		}
		case 'assignment_due': {
			const params = {
				title: input.itemTitle,
				date: /^\d{4}-\d{2}-\d{2}$/.test(input.dueOn) ? formatDay(input.dueOn, locale) : input.dueOn
			};
			return {
				name: input.name,
				subject: m.mail_due_subject(params, o),
				paragraphs: [m.mail_due_text(params, o)],
				action: { label: m.mail_due_action({}, o), url: url(input.path) }
			};
		}
		case 'submission_to_review': {
			const params = { title: input.itemTitle, name: input.learnerName };
			return {
				name: input.name,
				subject: m.mail_review_subject(params, o),
				paragraphs: [m.mail_review_text(params, o)],
				action: { label: m.mail_review_action({}, o), url: url(input.path) }
			};
		}
		case 'certificate_issued': {
			const params = { course: input.courseTitle, kind: input.documentKind, number: input.number };
			return {
				name: input.name,
				subject: m.mail_certificate_subject(params, o),
				paragraphs: [m.mail_certificate_text(params, o), m.mail_certificate_download({}, o)],
				items: [
					{
						text: m.mail_certificate_verify_link({ number: input.number }, o),
						url: url(input.verifyPath)
					}
				],
				action: { label: m.mail_certificate_action({}, o), url: url('/zertifikate') }
			};
		}
		case 'discussion_mention': {
			if (input.caseNotice) return caseBody(input, input.caseNotice, locale, url);
			const params = { name: input.authorName, title: input.threadTitle };
			return {
				name: input.name,
				subject: m.discussions_mail_mention_subject(params, o),
				paragraphs: [m.discussions_mail_mention_text(params, o)],
				quote: input.excerpt || undefined,
				action: { label: m.discussions_mail_reply_action({}, o), url: url(input.path) }
			};
		}
		case 'discussion_reply': {
			if (input.caseNotice) return caseBody(input, input.caseNotice, locale, url);
			const params = { name: input.authorName, title: input.threadTitle };
			return {
				name: input.name,
				subject: m.discussions_mail_reply_subject(params, o),
				paragraphs: [m.discussions_mail_reply_text(params, o)],
				quote: input.excerpt || undefined,
				action: { label: m.discussions_mail_reply_action({}, o), url: url(input.path) }
			};
		}
		case 'event_update': {
			const params = { title: input.eventTitle, date: formatDay(input.day, locale) };
			const text = {
				invited: m.events_notification_invited,
				promoted: m.events_notification_promoted,
				cancelled: m.events_notification_cancelled,
				removed: m.events_notification_removed
			}[input.notice];
			return {
				name: input.name,
				subject: m.events_mail_subject(params, o),
				paragraphs: [text(params, o)],
				action: { label: m.events_mail_action({}, o), url: url(input.path) }
			};
		}
		case 'alumni_joined': {
			const params = { course: input.courseTitle };
			return {
				name: input.name,
				subject: m.alumni_mail_joined_subject(params, o),
				paragraphs: [m.alumni_mail_joined_text(params, o), m.alumni_mail_joined_opt_out({}, o)],
				action: { label: m.alumni_mail_joined_action({}, o), url: url(input.path) }
			};
		}
		case 'mentoring_update': {
			const text = mentoringText(input.event, input.otherName, locale, input.title);
			return {
				name: input.name,
				subject: text,
				paragraphs: [text],
				quote: input.excerpt || undefined,
				action: {
					label: mentoringActionLabel(input.event, o),
					url: url(input.path)
				}
			};
		}
		case 'retention_warning': {
			const params = { date: formatDate(input.deleteOn, locale), months: input.months };
			return {
				name: input.name,
				subject: m.privacy_mail_retention_subject({ date: params.date }, o),
				paragraphs: input.cohortName
					? [
							m.privacy_retention_cohort_text({ ...params, cohort: input.cohortName }, o),
							m.privacy_mail_retention_export({}, o)
						]
					: [m.privacy_retention_account_text(params, o), m.privacy_mail_retention_keep({}, o)],
				action: { label: m.privacy_mail_retention_action({}, o), url: url('/konto#meine-daten') }
			};
		}
		case 'barrier_report':
			return {
				subject: m.operator_mail_barrier_subject({}, o),
				paragraphs: [
					m.operator_mail_barrier_text({}, o),
					m.operator_mail_barrier_page({ page: input.page || '–' }, o),
					input.replyTo
						? m.operator_mail_barrier_reply({ email: input.replyTo }, o)
						: m.operator_mail_barrier_no_reply({}, o)
				],
				quote: input.description,
				action: { label: m.operator_mail_barrier_action({}, o), url: url('/barrierefreiheit') }
			};
		case 'digest':
			return {
				name: input.name,
				subject: m.mail_digest_subject({ date: formatDay(input.day, locale) }, o),
				paragraphs: [m.mail_digest_text({}, o)],
				items: input.items.map((item) => ({ text: item.text, url: url(item.path) })),
				action: { label: m.mail_digest_action({}, o), url: url('/benachrichtigungen') }
			};
	}
}

/** Security mails go out whatever the preferences say and carry no unsubscribe link. */
export const isSecurityMail = (kind: MailKind) =>
	kind === 'invite' ||
	kind.startsWith('password') ||
	kind.startsWith('email_') ||
	kind === 'retention_warning';

/** Mails whose link lets the reader in (register, set a password, confirm an address). */
export const carriesPersonalLink = (kind: MailKind) =>
	kind === 'invite' ||
	kind === 'password_reset' ||
	kind === 'email_change_confirm' ||
	kind === 'email_address_confirm';

/** Renders a mail in the reader's language; every link is checked against ORIGIN. */
export function renderMail(input: MailTemplateInput, options: RenderOptions): ComposedMail {
	const { locale, origin } = options;
	const o = { locale };
	const url = (path: string) => `${origin}${path.startsWith('/') ? path : `/${path}`}`;
	const { name, ...content } = body(input, locale, url);
	const footerLinks: MailLink[] = [];
	const footer = [m.mail_footer_automatic({}, o)];
	if (input.kind === 'invite') {
		// Sent once to someone who may have no account yet: nothing to unsubscribe from.
		footer.push(m.mail_footer_invite({}, o));
	} else if (isSecurityMail(input.kind)) {
		footer.push(m.mail_footer_security({}, o));
	} else {
		footer.push(m.mail_footer_notification({}, o));
		footerLinks.push({
			label: m.mail_footer_settings_link({}, o),
			url: url(ACCOUNT_MAIL_SETTINGS)
		});
		if (options.unsubscribePath) {
			footerLinks.push({
				label: m.mail_footer_unsubscribe_link({}, o),
				url: url(options.unsubscribePath)
			});
		}
	}
	return composeMail(
		{
			...content,
			greeting: name ? m.mail_greeting({ name }, o) : m.mail_greeting_anonymous({}, o),
			closing: [m.mail_closing_regards({}, o), m.mail_closing_sender({}, o)],
			footer,
			footerLinks
		},
		origin,
		locale
	);
}

type DiscussionInput = Extract<
	MailTemplateInput,
	{ kind: 'discussion_reply' | 'discussion_mention' }
>;

/** A Fallberatung's notice: no post to quote, the new phase's instruction instead. */
function caseBody(
	input: DiscussionInput,
	notice: NotificationData,
	locale: Locale,
	url: (path: string) => string
): Body {
	const phase = notice.caseNotice === 'phase' ? notice.casePhase : undefined;
	return {
		name: input.name,
		subject: caseMailSubject(notice, locale) ?? input.threadTitle,
		paragraphs: [
			caseNoticeText(notice, locale) ?? '',
			...(phase ? [casePhaseInstruction(phase, { locale })] : [])
		],
		action: { label: m.discussions_mail_reply_action({}, { locale }), url: url(input.path) }
	};
}
