import { m } from '$lib/paraglide/messages.js';
import { TITLE_MAX, type StructureProblem } from './structure';

export function structureMessage(problem: StructureProblem): string {
	switch (problem) {
		case 'title_missing':
			return m.studio_error_title();
		case 'title_too_long':
			return m.studio_error_title_too_long({ max: TITLE_MAX });
		case 'exists':
			return m.studio_error_exists();
		case 'not_found':
			return m.studio_error_not_found();
		case 'at_edge':
			return m.studio_error_at_edge();
		case 'no_prefix':
			return m.studio_error_no_prefix();
		case 'changed':
			return m.studio_error_changed_meanwhile();
	}
}

/**
 * A refused new course, module or page as form errors: title problems belong to the title field
 * (`titel`), the rest (the module is gone) to the whole form.
 */
export function structureErrors(problem: StructureProblem): Record<string, string> {
	const message = structureMessage(problem);
	return problem === 'title_missing' || problem === 'title_too_long' || problem === 'exists'
		? { titel: message }
		: { form: message };
}
