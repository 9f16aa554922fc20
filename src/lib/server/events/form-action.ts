import { m } from '$lib/paraglide/messages.js';
import type { SessionUser } from '../auth/session';
import { parseForm } from '../validation/form';
import { audienceChoicesFor } from './audience';
import {
	audienceKey,
	eventSchema,
	parseAudience,
	type EventSchemaOptions,
	type AudienceChoice,
	type EventInput
} from './form';

/** The audience checkboxes a staff member is offered, with their field names. */
export function audienceFields(user: SessionUser) {
	const { courses, cohorts } = audienceChoicesFor(user);
	const field = (choice: AudienceChoice & { label: string }) => ({
		key: audienceKey(choice),
		label: choice.label
	});
	return { courses: courses.map(field), cohorts: cohorts.map(field) };
}

export type EventFormResult =
	| { ok: true; input: EventInput; audience: AudienceChoice[] }
	| { ok: false; errors: Record<string, string>; values: Record<string, string>; chosen: string[] };

/**
 * Reads the create/edit form. `kept`: audience entries already on the event that this person
 * could not choose (another trainer's cohort added by an admin) stay. `dates`: the clock and,
 * on an edit, the stored dates (a start already past may stay, not be newly set).
 */
export function readEventForm(
	user: SessionUser,
	form: FormData,
	kept: AudienceChoice[] = [],
	dates: EventSchemaOptions = {}
): EventFormResult {
	const parsed = parseForm(form, eventSchema(dates), m.common_error_duplicate_field());
	const { courses, cohorts } = audienceChoicesFor(user);
	const offered = [...courses, ...cohorts];
	const audience = parseAudience(form, offered);
	const chosen = [...form.keys()].filter((key) => key.startsWith('zielgruppe:'));
	const errors: Record<string, string> = parsed.success ? {} : { ...parsed.errors };
	if (!audience) errors.audience = m.events_error_audience_invalid();
	const offeredKeys = new Set(offered.map(audienceKey));
	const rest = kept.filter((choice) => !offeredKeys.has(audienceKey(choice)));
	if (audience && audience.length + rest.length === 0) errors.audience = m.events_error_audience();
	if (!parsed.success || !audience || Object.keys(errors).length) {
		const values = Object.fromEntries(
			[...form.entries()].filter(
				(entry): entry is [string, string] =>
					typeof entry[1] === 'string' && !entry[0].startsWith('zielgruppe:')
			)
		);
		return { ok: false, errors, values, chosen };
	}
	return { ok: true, input: parsed.data, audience: [...audience, ...rest] };
}
