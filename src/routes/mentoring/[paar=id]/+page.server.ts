import { redirect, type RequestEvent } from '@sveltejs/kit';
import { notFoundIn } from '$lib/server/http/not-found';
import { m } from '$lib/paraglide/messages.js';
import { berlinDay } from '$lib/berlin-day';
import { requireUser } from '$lib/server/auth/guards';
import { isConfirmed } from '$lib/server/http/confirm';
import { pageParam } from '$lib/server/http/page-param';
import {
	addMeeting,
	addPairMessage,
	endPairing,
	getPairFor,
	listMeetings,
	listMessages,
	markPairSeen,
	meetingSchema,
	MESSAGES_PER_PAGE,
	pairMessageSchema,
	pairUrl
} from '$lib/server/mentoring';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

/** Only the pair's mentor and mentee; everyone else gets the 404 of a pair that does not exist. */
function requirePair(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const pair = getPairFor(user, event.params.paar ?? '');
	if (!pair) {
		notFoundIn(m.mentoring_pair_gone(), {
			href: '/mentoring',
			label: m.mentoring_pair_gone_back()
		});
	}
	return { user, pair };
}

export const load: PageServerLoad = (event) => {
	const { user, pair } = requirePair(event);
	const asMentor = pair.mentorId === user.id;
	const name = (erased: boolean, authorName: string) =>
		erased ? m.mentoring_former_member() : authorName;
	const thread = listMessages(pair.id, pageParam(event.url.searchParams));
	// Counted from the oldest message (1) to the newest (total); page 1 ends at the newest.
	const last = thread.total - (thread.page - 1) * MESSAGES_PER_PAGE;
	// The reader has the conversation in front of them: its notices are read, so the next
	// message notifies (and mails) them again.
	markPairSeen(user.id, pair.id);
	return {
		pair: {
			id: pair.id,
			open: pair.status === 'confirmed',
			asMentor,
			otherName: (asMentor ? pair.menteeName : pair.mentorName) ?? ''
		},
		// What the learner wrote when asking: the mentor meets it here first.
		request: { message: pair.message, createdAt: pair.createdAt, menteeName: pair.menteeName },
		paging: {
			page: thread.page,
			pages: thread.pages,
			total: thread.total,
			from: last - thread.messages.length + 1,
			to: last
		},
		messages: thread.messages.map((message) => ({
			id: message.id,
			html: message.html,
			createdAt: message.createdAt,
			own: message.authorId === user.id,
			authorName: name(message.authorErased, message.authorName)
		})),
		meetings: listMeetings(pair.id).map((meeting) => ({
			...meeting,
			authorName: name(meeting.authorErased, meeting.authorName)
		})),
		today: berlinDay(),
		pendingEnd: event.url.searchParams.has('beenden')
	};
};

export const actions: Actions = {
	nachricht: repeatSafe(async (event) => {
		const { user, pair } = requirePair(event);
		const parsed = parseForm(
			await event.request.formData(),
			pairMessageSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const id = addPairMessage(user, pair, parsed.data.body);
		if (!id) return formFailure(409, { body: m.mentoring_error_ended() }, parsed.data);
		redirect(303, `${pairUrl(pair.id)}#nachricht-${id}`);
	}),
	treffen: repeatSafe(async (event) => {
		const { user, pair } = requirePair(event);
		const parsed = parseForm(
			await event.request.formData(),
			meetingSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		if (!addMeeting(user, pair, parsed.data)) {
			return formFailure(409, { form: m.mentoring_error_ended() }, parsed.data);
		}
		return { done: m.mentoring_meeting_saved() };
	}),
	beenden: async (event) => {
		const { pair } = requirePair(event);
		if (!isConfirmed(await event.request.formData())) {
			redirect(303, `${pairUrl(pair.id)}?beenden#ende`);
		}
		if (!endPairing(pair)) return formFailure(409, { form: m.mentoring_error_ended() });
		return { done: m.mentoring_ended() };
	}
};
