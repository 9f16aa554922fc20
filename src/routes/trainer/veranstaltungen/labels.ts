import type { EventStatus, RegistrationStatus } from '$lib/events';
import { m } from '$lib/paraglide/messages.js';

export const eventStatusLabel = (status: EventStatus): string =>
	({
		draft: m.events_status_draft,
		published: m.events_status_published,
		cancelled: m.events_status_cancelled
	})[status]();

export const registrationStatusLabel = (status: RegistrationStatus): string =>
	({
		registered: m.events_status_registered,
		waitlisted: m.events_status_waitlisted_short,
		cancelled: m.events_status_withdrawn
	})[status]();
