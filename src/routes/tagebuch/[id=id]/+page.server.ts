import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import {
	deleteEntry,
	getOwnEntry,
	journalEntrySchema,
	ownEntryView,
	setShared,
	updateEntry
} from '$lib/server/journal/entries';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { isConfirmed } from '$lib/server/http/confirm';
import { notFoundIn } from '$lib/server/http/not-found';

/** Someone else's entry answers 404, like one that does not exist or was deleted. */
function gone(): never {
	notFoundIn(m.journal_entry_gone(), { href: '/tagebuch', label: m.journal_back() });
}

function ownEntry(userId: string, id: string) {
	const entry = getOwnEntry(userId, id);
	if (!entry) gone();
	return entry;
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const entry = ownEntry(user.id, event.params.id);
	return { entry: ownEntryView(user.id, entry) };
};

export const actions: Actions = {
	update: async (event) => {
		const user = requireUser(event);
		ownEntry(user.id, event.params.id);
		const parsed = parseForm(
			await event.request.formData(),
			journalEntrySchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		updateEntry(user.id, event.params.id, parsed.data.body);
		return { saved: m.journal_saved() };
	},
	share: async (event) => {
		const user = requireUser(event);
		const shared = (await event.request.formData()).get('teilen') === 'ja';
		const result = setShared(user.id, event.params.id, shared);
		if (!result.ok) {
			if (result.reason === 'not_found') gone();
			return formFailure(400, { form: m.journal_error_no_cohort() });
		}
		return { saved: shared ? m.journal_shared_done() : m.journal_unshared_done() };
	},
	delete: async (event) => {
		const user = requireUser(event);
		ownEntry(user.id, event.params.id);
		if (!isConfirmed(await event.request.formData())) return { confirmDelete: true };
		deleteEntry(user.id, event.params.id);
		redirect(303, '/tagebuch?geloescht=1');
	}
};
