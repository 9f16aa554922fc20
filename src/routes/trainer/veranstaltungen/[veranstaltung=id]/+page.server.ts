import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	audienceFields,
	audienceKey,
	audienceOf,
	cancelEvent,
	daysBetween,
	eventView,
	inviteesOf,
	listParticipants,
	manageEventUrl,
	publishEvent,
	publishRefusal,
	removeRegistration,
	requireEventOrganiser,
	saveAttendance,
	type PublishRefusal
} from '$lib/server/events';
import { isConfirmed } from '$lib/server/http/confirm';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const refusalMessage: Record<PublishRefusal, () => string> = {
	not_draft: m.events_error_not_draft,
	started: m.events_error_publish_started,
	deadline_passed: m.events_error_publish_deadline
};

export const load: PageServerLoad = (event) => {
	const { user, event: record } = requireEventOrganiser(event);
	const fields = audienceFields(user);
	const labels = new Map([...fields.courses, ...fields.cohorts].map((f) => [f.key, f.label]));
	const participants = listParticipants(record.id);
	const params = event.url.searchParams;
	const removing = params.get('entfernen');
	const refusal = record.status === 'draft' ? publishRefusal(record) : null;
	const pendingRemoval = participants.find(
		(p) => p.userId === removing && p.status !== 'cancelled'
	);
	return {
		event: eventView(record),
		audience: audienceOf(record.id).map((choice) => ({
			kind: choice.kind,
			label: labels.get(audienceKey(choice)) ?? choice.targetId
		})),
		invited: inviteesOf(record.id).length,
		days: daysBetween(record.startsAt, record.endsAt),
		registered: participants.filter((p) => p.status === 'registered'),
		waitlisted: participants.filter((p) => p.status === 'waitlisted'),
		withdrawn: participants.filter((p) => p.status === 'cancelled'),
		saved: params.has('gespeichert'),
		// A draft that can no longer be published says why instead of offering the button.
		publishBlocked: refusal ? refusalMessage[refusal]() : null,
		pending: {
			publish: params.has('veroeffentlichen'),
			cancel: params.has('absagen'),
			removal: pendingRemoval ? { userId: pendingRemoval.userId, name: pendingRemoval.name } : null
		}
	};
};

export const actions: Actions = {
	veroeffentlichen: async (event) => {
		const { user, event: record } = requireEventOrganiser(event);
		if (!isConfirmed(await event.request.formData())) {
			redirect(303, `${manageEventUrl(record.id)}?veroeffentlichen#status`);
		}
		const published = publishEvent(user, record);
		if (!published.ok) return formFailure(409, { form: refusalMessage[published.reason]() });
		return { done: m.events_published_done() };
	},
	absagen: async (event) => {
		const { user, event: record } = requireEventOrganiser(event);
		if (!isConfirmed(await event.request.formData())) {
			redirect(303, `${manageEventUrl(record.id)}?absagen#status`);
		}
		if (!cancelEvent(user, record)) {
			return formFailure(409, { form: m.events_error_cancelled_already() });
		}
		return { done: m.events_cancelled_event_done() };
	},
	entfernen: async (event) => {
		const { user, event: record } = requireEventOrganiser(event);
		const form = await event.request.formData();
		const person = form.get('person');
		if (typeof person !== 'string' || !/^[a-z2-7]{16}$/.test(person)) {
			return formFailure(400, { form: m.events_error_remove() });
		}
		if (!isConfirmed(form)) {
			redirect(303, `${manageEventUrl(record.id)}?entfernen=${person}#anmeldungen`);
		}
		if (!removeRegistration(user, record, person).ok) {
			return formFailure(409, { form: m.events_error_remove() });
		}
		return { done: m.events_remove_done() };
	},
	anwesenheit: async (event) => {
		const { user, event: record } = requireEventOrganiser(event);
		if (record.status !== 'published' || new Date() < record.startsAt) {
			return formFailure(409, { form: m.events_error_attendance_early() });
		}
		const form = await event.request.formData();
		const present = new Set(
			[...form.entries()].filter(([, value]) => value === 'ja').map(([key]) => key)
		);
		const { changed } = saveAttendance(user, record, present);
		return { done: m.events_attendance_saved({ count: changed }) };
	}
};
