import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	casePeople,
	caseSchema,
	createCaseConsultation,
	requireModerator,
	spaceView,
	threadUrl
} from '$lib/server/discussions';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

// Only a cohort's trainers (and admins) start a kollegiale Fallberatung in its Austausch.
function requireCaseStarter(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const access = requireModerator(event);
	if (access.space.kind !== 'cohort') error(404, 'not found');
	return { ...access, cohortId: access.space.cohortId };
}

export const load: PageServerLoad = (event) => {
	const { space, cohortId } = requireCaseStarter(event);
	const people = casePeople(cohortId);
	return { space: spaceView(space), members: people.members, trainers: people.trainers };
};

export const actions: Actions = {
	default: repeatSafe(async (event) => {
		const { user, space, cohortId } = requireCaseStarter(event);
		const parsed = parseForm(
			await event.request.formData(),
			caseSchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		const result = createCaseConsultation(user, cohortId, parsed.data);
		if (!result.ok && 'reason' in result) error(403, 'forbidden');
		if (!result.ok) return formFailure(400, result.errors, parsed.data);
		redirect(303, threadUrl(space, result.threadId));
	})
};
