import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { SECRET_FIELD } from './text';

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	| { success: true; data: T; values: Record<string, string> }
	| { success: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates a submitted form against a schema whose messages are already localised. Repeated
 * fields (a tampered form) are an error of their own rather than silently taking the first.
 * `values` (what was typed, passwords left out) comes with either outcome: a check after the
 * schema (a file, a name taken) must echo it as well.
 */
export function parseForm<S extends z.ZodType>(
	formData: FormData,
	schema: S,
	duplicateMessage: string
): FormResult<z.output<S>> {
	const raw: Record<string, string> = {};
	const errors: FieldErrors = {};
	for (const [key, value] of formData.entries()) {
		if (typeof value !== 'string') continue;
		if (key in raw) errors[key] = duplicateMessage;
		raw[key] = value;
	}
	const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !SECRET_FIELD.test(key)));
	const parsed = schema.safeParse(raw);
	if (parsed.success && Object.keys(errors).length === 0) {
		return { success: true, data: parsed.data, values };
	}
	for (const issue of parsed.error?.issues ?? []) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return { success: false, errors, values };
}

/** One shape for every failed form, so pages can read `form.errors.<field>` without narrowing. */
export function formFailure(
	status: number,
	errors: FieldErrors,
	values: Record<string, string> = {}
): ActionFailure<{ errors: FieldErrors; values: Record<string, string> }> {
	return fail(status, { errors: errors as FieldErrors, values });
}
