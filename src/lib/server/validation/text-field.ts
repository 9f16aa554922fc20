import { m } from '$lib/paraglide/messages.js';
import { z } from 'zod';
import { withoutControls } from './text';

/** A text field of a settings form: cleaned, trimmed, capped; an optional one defaults to ''. */
export const textField = (max: number, required: boolean) => {
	const base = z
		.string()
		.overwrite(withoutControls)
		.trim()
		.max(max, m.certificates_error_too_long({ max }));
	return required ? base.min(1, m.certificates_error_required()) : base.default('');
};
