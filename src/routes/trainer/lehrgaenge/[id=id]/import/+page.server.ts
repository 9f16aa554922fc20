import { m } from '$lib/paraglide/messages.js';
import {
	CSV_MAX_BYTES,
	confirmImport,
	decodeCsvFile,
	previewImport
} from '$lib/server/cohorts/csv-import';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';
import { repeatSafe } from '$lib/server/http/repeat-safe';

export const load: PageServerLoad = (event) => {
	const { cohort } = requireManagedCohort(event);
	return { cohort: { id: cohort.id, name: cohort.name } };
};

async function readCsvFile(file: FormDataEntryValue | null): Promise<string | { error: string }> {
	if (!(file instanceof File) || file.size === 0)
		return { error: m.cohorts_import_error_no_file() };
	if (file.size > CSV_MAX_BYTES) {
		return { error: m.cohorts_import_error_too_large({ max: Math.round(CSV_MAX_BYTES / 1000) }) };
	}
	return decodeCsvFile(new Uint8Array(await file.arrayBuffer()));
}

export const actions: Actions = {
	preview: async (event) => {
		const { cohort } = requireManagedCohort(event);
		const text = await readCsvFile((await event.request.formData()).get('datei'));
		if (typeof text !== 'string') return formFailure(400, { datei: text.error });
		const preview = previewImport(cohort.id, text);
		if (!preview.ok) return formFailure(400, { datei: preview.error });
		return { preview: preview.rows, csv: text };
	},
	confirm: repeatSafe(
		async (event) => {
			const { user, cohort } = requireManagedCohort(event);
			const text = (await event.request.formData()).get('csv');
			if (typeof text !== 'string' || text.length > CSV_MAX_BYTES) {
				return formFailure(400, { form: m.cohorts_import_error_no_file() });
			}
			const result = confirmImport(cohort.id, text, user.id);
			if ('error' in result) return formFailure(400, { form: result.error });
			return {
				imported: {
					skipped: result.skipped,
					invited: result.invited.map(({ name, email, token }) => ({
						name,
						email,
						link: `${event.url.origin}/registrieren/${token}`
					}))
				}
			};
		},
		{
			// The links are shown once and never stored; a repeat says so instead of showing them.
			repeated: () => formFailure(409, { form: m.cohorts_import_error_repeated() })
		}
	)
};
