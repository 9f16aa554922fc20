import { formatDateTime } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import type { MailContent } from './compose';
import type { Locale } from './templates';

// Mails about the account itself (password, e-mail address): security mails, always sent.

export type MailBody = Pick<
	MailContent,
	'subject' | 'paragraphs' | 'quote' | 'items' | 'action'
> & {
	name?: string;
};

export type AccountMailInput =
	| { kind: 'password_reset'; name: string; path: string; validMinutes: number }
	/** An admin made a reset link for this account; the mail says so, it never carries the link. */
	| {
			kind: 'password_reset_link_created';
			name: string;
			adminName: string;
			at: Date;
			expiresAt: Date;
	  }
	| { kind: 'password_changed'; name: string; at: Date; how: 'changed' | 'reset' }
	| {
			kind: 'email_change_confirm';
			name: string;
			newEmail: string;
			path: string;
			validHours: number;
	  }
	/** After registering through a link anyone could use: proves the address is theirs. */
	| { kind: 'email_address_confirm'; name: string; email: string; path: string; validHours: number }
	| { kind: 'email_change_taken' }
	| { kind: 'email_changed'; name: string; newEmail: string; at: Date };

export function accountMailBody(
	input: AccountMailInput,
	locale: Locale,
	url: (path: string) => string
): MailBody {
	const o = { locale };
	switch (input.kind) {
		case 'password_reset':
			return {
				name: input.name,
				subject: m.mail_reset_subject({}, o),
				paragraphs: [
					m.mail_reset_text({}, o),
					m.mail_reset_validity({ minutes: input.validMinutes }, o),
					m.mail_reset_ignore({}, o)
				],
				action: { label: m.mail_reset_action({}, o), url: url(input.path) }
			};
		case 'email_change_confirm':
			return {
				name: input.name,
				subject: m.mail_email_confirm_subject({}, o),
				paragraphs: [
					m.mail_email_confirm_text({ email: input.newEmail }, o),
					m.mail_email_confirm_validity({ hours: input.validHours }, o),
					m.mail_email_confirm_ignore({}, o)
				],
				action: { label: m.mail_email_confirm_action({}, o), url: url(input.path) }
			};
		case 'email_address_confirm':
			return {
				name: input.name,
				subject: m.mail_address_confirm_subject({}, o),
				paragraphs: [
					m.mail_address_confirm_text({ email: input.email }, o),
					m.mail_address_confirm_validity({ hours: input.validHours }, o),
					m.mail_address_confirm_ignore({}, o)
				],
				action: { label: m.mail_email_confirm_action({}, o), url: url(input.path) }
			};
		case 'email_change_taken':
			return {
				subject: m.mail_email_taken_subject({}, o),
				paragraphs: [m.mail_email_taken_text({}, o), m.mail_email_taken_hint({}, o)],
				action: { label: m.mail_email_taken_action({}, o), url: url('/anmelden') }
			};
		case 'email_changed':
			return {
				name: input.name,
				subject: m.mail_email_changed_subject({}, o),
				paragraphs: [
					m.mail_email_changed_text(
						{ email: input.newEmail, date: formatDateTime(input.at, locale) },
						o
					),
					m.mail_email_changed_warning({}, o)
				]
			};
		case 'password_reset_link_created':
			return {
				name: input.name,
				subject: m.mail_reset_created_subject({}, o),
				paragraphs: [
					m.mail_reset_created_text(
						{
							admin: input.adminName,
							date: formatDateTime(input.at, locale),
							until: formatDateTime(input.expiresAt, locale)
						},
						o
					),
					m.mail_reset_created_keep({}, o),
					m.mail_reset_created_warning({}, o)
				]
			};
		case 'password_changed': {
			const text =
				input.how === 'reset' ? m.mail_password_reset_text : m.mail_password_changed_text;
			return {
				name: input.name,
				subject: m.mail_password_changed_subject({}, o),
				paragraphs: [
					text({ date: formatDateTime(input.at, locale) }, o),
					m.mail_password_changed_warning({}, o)
				],
				action: { label: m.mail_password_changed_action({}, o), url: url('/passwort-vergessen') }
			};
		}
	}
}
