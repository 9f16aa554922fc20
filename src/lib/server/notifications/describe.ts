import { certificateKindOf } from '$lib/certificates';
import { certificateLabel } from '$lib/content/labels';
import { formatDate, formatDateTime, formatDay } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { getItem } from '../content';
import { mentoringText } from '$lib/mentoring';
import { caseNoticeText } from '$lib/case-consultation';
import type { NotificationData } from '$lib/notifications';
import type { NotificationKind } from '.';

/** The notification as one line in the reader's language, with the item's current title. */
export function describeNotification(
	entry: { kind: NotificationKind; data: NotificationData },
	locale?: 'de' | 'en'
): string {
	const o = locale ? { locale } : undefined;
	const title = getItem(entry.data.itemId ?? '')?.title ?? entry.data.itemTitle ?? '';
	const caseText = caseNoticeText(entry.data, locale);
	if (caseText) return caseText;
	switch (entry.kind) {
		case 'login_locked':
			return m.security_notification_login_locked(
				{
					attempts: entry.data.attempts ?? 1,
					at: entry.data.lastAt ? formatDateTime(entry.data.lastAt, locale) : ''
				},
				o
			);
		case 'retention_warning': {
			const params = {
				date: entry.data.deleteOn ? formatDate(entry.data.deleteOn, locale) : '',
				months: entry.data.months ?? 0
			};
			return entry.data.cohortName
				? m.privacy_retention_cohort_text({ ...params, cohort: entry.data.cohortName }, o)
				: m.privacy_retention_account_text(params, o);
		}
		case 'feedback_received':
			return entry.data.decision === 'accepted'
				? m.assignments_notification_feedback_accepted({ title }, o)
				: m.assignments_notification_feedback_revision({ title }, o);
		case 'assignment_due':
			return m.assignments_notification_due(
				{
					title,
					date: entry.data.dueOn ? formatDay(entry.data.dueOn, locale) : ''
				},
				o
			);
		case 'submission_to_review':
			return m.assignments_notification_to_review({ title, name: entry.data.learnerName ?? '' }, o);
		case 'certificate_issued':
			return m.certificates_notification_issued(
				{
					kind: certificateLabel(certificateKindOf(entry.data), locale),
					course: entry.data.itemTitle ?? '',
					number: entry.data.certificateNumber ?? ''
				},
				o
			);
		case 'discussion_reply':
			return m.discussions_notification_reply(
				{ name: entry.data.learnerName ?? '', title: entry.data.itemTitle ?? '' },
				o
			);
		case 'event_update': {
			const params = {
				title: entry.data.itemTitle ?? '',
				date: entry.data.dueOn ? formatDay(entry.data.dueOn, locale) : ''
			};
			if (entry.data.eventNotice === 'promoted') return m.events_notification_promoted(params, o);
			if (entry.data.eventNotice === 'cancelled') return m.events_notification_cancelled(params, o);
			if (entry.data.eventNotice === 'removed') return m.events_notification_removed(params, o);
			return m.events_notification_invited(params, o);
		}
		case 'discussion_mention':
			return m.discussions_notification_mention(
				{ name: entry.data.learnerName ?? '', title: entry.data.itemTitle ?? '' },
				o
			);
		case 'alumni_joined':
			return m.alumni_notification_joined({ course: entry.data.itemTitle ?? '' }, o);
		case 'mentoring_update':
			return mentoringText(
				entry.data.mentoringEvent,
				entry.data.learnerName ?? '',
				locale,
				entry.data.itemTitle,
				entry.data.messages
			);
	}
}
