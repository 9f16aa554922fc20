import { m } from '$lib/paraglide/messages.js';
import type { NotificationData } from '$lib/notifications';

// Labels of the kollegiale Fallberatung shared by the pages and the notifications (no server code).

type Locale = { locale: 'de' | 'en' } | undefined;

const phaseTexts = [
	[m.case_phase_1_title, m.case_phase_1_text],
	[m.case_phase_2_title, m.case_phase_2_text],
	[m.case_phase_3_title, m.case_phase_3_text],
	[m.case_phase_4_title, m.case_phase_4_text],
	[m.case_phase_5_title, m.case_phase_5_text],
	[m.case_phase_6_title, m.case_phase_6_text]
] as const;

export const CASE_PHASE_COUNT = phaseTexts.length;

export const casePhaseTitle = (phase: number, o?: Locale): string =>
	phaseTexts[phase - 1]?.[0]({}, o) ?? '';

export const casePhaseInstruction = (phase: number, o?: Locale): string =>
	phaseTexts[phase - 1]?.[1]({}, o) ?? '';

/** A Fallberatung notice as one line in the reader's language; null for other notices. */
export function caseNoticeText(data: NotificationData, locale?: 'de' | 'en'): string | null {
	const o = locale ? { locale } : undefined;
	const params = { name: data.learnerName ?? '', title: data.itemTitle ?? '' };
	const phase = data.casePhase ?? 1;
	switch (data.caseNotice) {
		case 'case_giver':
			return m.case_notification_case_giver(params, o);
		case 'moderation':
			return m.case_notification_moderation(params, o);
		case 'phase':
			return m.case_notification_phase(
				{ title: params.title, number: phase, phase: casePhaseTitle(phase, o) },
				o
			);
		case 'closed':
			return m.case_notification_closed({ title: params.title }, o);
		default:
			return null;
	}
}

/** The subject of the notice's mail; null for other notices. */
export function caseMailSubject(data: NotificationData, locale?: 'de' | 'en'): string | null {
	const o = locale ? { locale } : undefined;
	const title = data.itemTitle ?? '';
	switch (data.caseNotice) {
		case 'case_giver':
		case 'moderation':
			return m.case_mail_assigned_subject({ title }, o);
		case 'phase':
			return m.case_mail_phase_subject({ title, number: data.casePhase ?? 1 }, o);
		case 'closed':
			return m.case_mail_closed_subject({ title }, o);
		default:
			return null;
	}
}
