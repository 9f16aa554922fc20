import { fail } from '@sveltejs/kit';
import { berlinDay } from '$lib/berlin-day';
import { m } from '$lib/paraglide/messages.js';
import { isConfirmed } from '../http/confirm';
import { formFailure } from '../validation/form';
import { needsPastConfirmation, type CohortDetails } from './cohort-form';
import { isCohortNameTaken } from './cohorts';

type Schedule = Pick<CohortDetails, 'followUpDate' | 'modules'>;

/**
 * What stops a new or edited cohort before it is saved, as the form's answer: a name another
 * cohort of the course has, or a last day in the past that was not confirmed. Null: save it.
 * `existing` is the cohort being edited (its own name and stored last day are fine).
 */
export function cohortSaveRefusal(
	courseId: string,
	parsed: { data: CohortDetails; values: Record<string, string> },
	formData: FormData,
	existing?: { id: string; schedule: Schedule }
) {
	if (isCohortNameTaken(courseId, parsed.data.name, existing?.id)) {
		return formFailure(400, { name: m.cohorts_error_name_taken() }, parsed.values);
	}
	const pastLastDay = needsPastConfirmation(parsed.data, berlinDay(), existing?.schedule ?? null);
	if (pastLastDay && !isConfirmed(formData)) {
		return fail(400, { errors: {}, values: parsed.values, pastLastDay });
	}
	return null;
}
