import { m } from '$lib/paraglide/messages.js';
import type { MentoringEvent } from '$lib/notifications';

// Labels of mentoring and Hospitation shared by the pages (no server code).

export type MentoringStatus = 'requested' | 'confirmed' | 'declined' | 'withdrawn' | 'ended';
export type HospitationStatus = 'applied' | 'accepted' | 'declined' | 'withdrawn';

export const mentoringStatusLabel = (status: MentoringStatus): string =>
	({
		requested: m.mentoring_status_requested,
		confirmed: m.mentoring_status_confirmed,
		declined: m.mentoring_status_declined,
		withdrawn: m.mentoring_status_withdrawn,
		ended: m.mentoring_status_ended
	})[status]();

export const hospitationStatusLabel = (status: HospitationStatus): string =>
	({
		applied: m.hospitation_status_applied,
		accepted: m.hospitation_status_accepted,
		declined: m.hospitation_status_declined,
		withdrawn: m.hospitation_status_withdrawn
	})[status]();

/** A mentoring notification (and its mail) as one line in the reader's language. */
export function mentoringText(
	event: MentoringEvent | undefined,
	name: string,
	locale?: 'de' | 'en',
	/** Hospitation: the offer and its organisation. */
	title = '',
	/** Messages: how many since the reader last opened the pair. */
	count = 1
): string {
	const o = locale ? { locale } : undefined;
	switch (event) {
		case 'hospitation_applied':
			return m.hospitation_notification_applied({ name, title }, o);
		case 'hospitation_accepted':
			return m.hospitation_notification_accepted({ title }, o);
		case 'hospitation_declined':
			return m.hospitation_notification_declined({ title }, o);
		case 'requested':
			return m.mentoring_notification_requested({ name }, o);
		case 'confirmed':
			return m.mentoring_notification_confirmed({ name }, o);
		case 'declined':
			return m.mentoring_notification_declined({}, o);
		case 'meeting':
			return m.mentoring_notification_meeting({ name }, o);
		default:
			return m.mentoring_notification_message({ name, count }, o);
	}
}
