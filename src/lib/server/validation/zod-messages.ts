import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { numberFormat } from '$lib/intl';
import { getLocale } from '$lib/paraglide/runtime';

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const count = (value: number | bigint) => numberFormat(getLocale()).format(value);

const isChoice = (origin: string) => origin === 'array' || origin === 'set';

/**
 * Messages in the reader's language for what a schema did not word itself. A browser sends every
 * field of a form within its limits, so these mostly answer tampered or broken forms; without them
 * zod answers in English ("Invalid input: expected string, received undefined").
 */
export function formIssueMessage(issue: Issue): string {
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined
				? m.common_error_field_missing()
				: m.common_error_field_invalid();
		case 'too_big': {
			const max = count(issue.maximum);
			if (issue.origin === 'string') return m.common_error_text_too_long({ max });
			if (isChoice(issue.origin)) return m.common_error_choice_too_many({ max });
			return m.common_error_number_too_big({ max });
		}
		case 'too_small': {
			const min = count(issue.minimum);
			if (issue.origin === 'string') {
				return Number(issue.minimum) <= 1
					? m.common_error_field_required()
					: m.common_error_text_too_short({ min });
			}
			if (isChoice(issue.origin)) return m.common_error_choice_too_few({ min });
			return m.common_error_number_too_small({ min });
		}
		case 'invalid_value':
			return m.common_error_choice_invalid();
		case 'invalid_format':
			return issue.format === 'email'
				? m.auth_error_email_invalid()
				: m.common_error_format_invalid();
		case 'unrecognized_keys':
			return m.common_error_unexpected_fields();
		default:
			return m.common_error_field_invalid();
	}
}

// Global for the process, set once by the server hook: a schema's own message still wins.
z.config({ customError: formIssueMessage });
