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
	return { success: false, errors: inFieldOrder(errors, schema, Object.keys(raw)), values };
}

/**
 * The error summary lists problems in the order of the form: checks across fields (refinements)
 * report after the field checks, and a field the browser did not send (no radio chosen) is not in
 * the submitted order. The schema's own field order covers both; the submitted order the rest.
 */
function inFieldOrder(errors: FieldErrors, schema: z.ZodType, submitted: string[]): FieldErrors {
	const declared = schemaFieldOrder(schema);
	const rank = (field: string) => {
		const position = declared.indexOf(field);
		if (position >= 0) return position;
		const sent = submitted.indexOf(field);
		return declared.length + (sent >= 0 ? sent : submitted.length);
	};
	const ordered = Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
	return Object.fromEntries(ordered);
}

function schemaFieldOrder(schema: z.ZodType): string[] {
	if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
	const def = schema._zod.def as { in?: z.ZodType; innerType?: z.ZodType };
	const inner = def.in ?? def.innerType;
	return inner ? schemaFieldOrder(inner) : [];
}

/** One shape for every failed form, so pages can read `form.errors.<field>` without narrowing. */
export function formFailure(
	status: number,
	errors: FieldErrors,
	values: Record<string, string> = {}
): ActionFailure<{ errors: FieldErrors; values: Record<string, string> }> {
	return fail(status, { errors: errors as FieldErrors, values });
}
