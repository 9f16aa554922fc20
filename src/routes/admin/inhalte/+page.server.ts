import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guards';
import { contentStatus } from '$lib/server/content/reload-view';
import { reloadFolderAs } from '$lib/server/studio/versions';
import type { Actions, PageServerLoad } from './$types';
import { clientAddress } from '$lib/server/http/client-address';

export const load: PageServerLoad = (event) => {
	requireUser(event, 'admin');
	return { status: contentStatus() };
};

export const actions: Actions = {
	neuladen: async (event) => {
		const user = requireUser(event, 'admin');
		const { reload: outcome, notRecorded } = await reloadFolderAs(
			user,
			clientAddress(event),
			m.studio_folder_version_message()
		);
		if (!outcome.ok) {
			return fail(422, { rejected: m.authoring_reload_rejected({ count: outcome.errorCount }) });
		}
		const reloaded = outcome.changed
			? m.authoring_reload_done({ version: outcome.version })
			: m.authoring_reload_unchanged({ version: outcome.version });
		// The content is live either way; the admin hears that its version is missing from the history.
		return notRecorded
			? { reloaded: `${reloaded} ${m.authoring_reload_not_recorded()}`, notRecorded }
			: { reloaded, notRecorded };
	}
};
