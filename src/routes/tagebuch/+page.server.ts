import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import {
	createEntry,
	journalEntrySchema,
	listEntries,
	ownEntryView,
	promptForItem
} from '$lib/server/journal/entries';
import { formFailure, parseForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { pageParam } from '$lib/server/http/page-param';
import { repeatSafe } from '$lib/server/http/repeat-safe';

/** Private to its owner: every role has a journal, nobody reads another's here. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const result = listEntries(user.id, pageParam(event.url.searchParams));
	return {
		deleted: event.url.searchParams.has('geloescht'),
		prompt: promptForItem(event.url.searchParams.get('lektion') ?? ''),
		entries: result.rows.map((entry) => ownEntryView(user.id, entry)),
		total: result.total,
		page: result.page,
		pages: result.pages
	};
};

export const actions: Actions = {
	create: repeatSafe(async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(
			await event.request.formData(),
			journalEntrySchema(),
			m.common_error_duplicate_field()
		);
		if (!parsed.success) return formFailure(400, parsed.errors, parsed.values);
		createEntry(user.id, parsed.data);
		return { saved: m.journal_saved() };
	})
};
