import type { RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '../auth/guards';
import { notFoundIn } from '../http/not-found';
import { canManageEvent, eventRoleOf } from './access';
import { getEvent } from './events';
import { registrationOf } from './queue';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params'>;

/**
 * For /veranstaltungen/[veranstaltung]: people neither invited nor organising get the same 404
 * as for an event that does not exist, so IDs cannot be probed.
 */
export function requireEventGuest(event: Event) {
	const user = requireUser(event);
	const record = getEvent(event.params.veranstaltung ?? '');
	const registration = record ? registrationOf(user.id, record.id) : null;
	const role = record ? eventRoleOf(user, record, registration !== null) : null;
	if (!record || !role) {
		notFoundIn(m.events_gone(), { href: '/veranstaltungen', label: m.events_back() });
	}
	return { user, event: record, role, registration };
}

/** For /trainer/veranstaltungen/[veranstaltung]: its organisers only (others: 404). */
export function requireEventOrganiser(event: Event) {
	const user = requireUser(event, 'trainer');
	const record = getEvent(event.params.veranstaltung ?? '');
	if (!record || !canManageEvent(user, record)) {
		notFoundIn(m.events_manage_gone(), {
			href: '/trainer/veranstaltungen',
			label: m.events_manage_back()
		});
	}
	return { user, event: record };
}
