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
