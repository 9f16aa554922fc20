import { BoundedMap } from '../../bounded-map';
import { m } from '$lib/paraglide/messages.js';
import type { AnswerSheet } from '$lib/quiz/types';
import { z } from 'zod';
import type { QuizDefinition } from '$lib/content/quiz-types';
import type { AttemptLayout } from '$lib/quiz/types';
import { layoutEntries, questionKey, slotField } from './layout';

export const MAX_GAP_LENGTH = 200;

export type ParsedAnswers =
	| { ok: true; sheet: AnswerSheet }
	/** The form was not the one we sent: nothing is echoed back, nothing saved. */
	| { ok: false; tampered: true; message: string }
	/** A learner's mistake (e.g. one position given twice): keep the input, name the question. */
	| { ok: false; tampered: false; errors: Record<string, string>; sheet: AnswerSheet };

type Mode = 'save' | 'submit';

const tampered = (): ParsedAnswers => ({
	ok: false,
	tampered: true,
	message: m.quiz_error_tampered()
});

/**
 * Field schemas, shared by every attempt whose question has the same type and options: building
 * zod schemas took more of a quiz submit than checking the form with them. Keys are small
 * (option IDs, counts), so the map stays as small as the quizzes' distinct questions.
 */
const fieldSchemas = new BoundedMap<string, z.ZodType>(2000);

function fieldSchema(key: string, build: () => z.ZodType): z.ZodType {
	let schema = fieldSchemas.get(key);
	if (!schema) {
		schema = build();
		fieldSchemas.set(key, schema);
	}
	return schema;
}

const choiceField = (slots: readonly string[], max: number) =>
	fieldSchema(`choice|${max}|${[...slots].sort().join('|')}`, () =>
		z
			.array(z.enum(slots as [string, ...string[]]))
			.max(max)
			.refine((values) => new Set(values).size === values.length)
			.optional()
	);

/** '' (not answered yet) or one of the keys w1 … wN or positions 1 … N. */
const pickField = (prefix: string, count: number) =>
	fieldSchema(`pick|${prefix}|${count}`, () => {
		const keys = Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);
		return z.union([z.literal(''), z.enum(keys as [string, ...string[]])]);
	});

const gapField = () => fieldSchema('gap', () => z.string().max(MAX_GAP_LENGTH));

/** The exact fields of the form an attempt's layout produces, each with its schema. */
function formFields(quiz: QuizDefinition, layout: AttemptLayout): Map<string, z.ZodType> {
	const fields = new Map<string, z.ZodType>();
	for (const { question, entry, index } of layoutEntries(quiz, layout)) {
		if (question.type === 'single' || question.type === 'multiple') {
			const max = question.type === 'single' ? 1 : entry.slots.length;
			fields.set(questionKey(index), choiceField(entry.slots, max));
			continue;
		}
		entry.slots.forEach((_, slot) => {
			const name = slotField(index, slot);
			if (question.type === 'cloze') fields.set(name, gapField());
			else if (question.type === 'matching')
				fields.set(name, pickField('w', entry.choices?.length ?? 0));
			else fields.set(name, pickField('', entry.slots.length));
		});
	}
	return fields;
}

/**
 * The form's values by field, or null when it has a field the page did not send or a value its
 * schema rejects (what `z.strictObject` checks, without building an object schema per attempt:
 * that was a tenth of parsing a submit).
 */
function checkedFields(
	raw: Record<string, string | string[]>,
	fields: Map<string, z.ZodType>
): Record<string, unknown> | null {
	for (const key of Object.keys(raw)) if (!fields.has(key)) return null;
	const data: Record<string, unknown> = {};
	for (const [name, schema] of fields) {
		// Each field schema is shared but small: compiling it (zod's JIT) would not pay off.
		const parsed = schema.safeParse(raw[name], { jitless: true });
		if (!parsed.success) return null;
		data[name] = parsed.data;
	}
	return data;
}

/**
 * Reads a submitted attempt form. Anything the page cannot have produced (unknown fields or
 * options, repeated fields, missing fields, files, oversized values) is treated as tampering.
 */
export function parseAnswers(
	form: FormData,
	quiz: QuizDefinition,
	layout: AttemptLayout,
	mode: Mode
): ParsedAnswers {
	const entries = layoutEntries(quiz, layout);
	const choiceKeys = new Set(
		entries
			.filter(({ question }) => question.type === 'single' || question.type === 'multiple')
			.map(({ index }) => questionKey(index))
	);
	const raw: Record<string, string | string[]> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string' || value.length > MAX_GAP_LENGTH * 4) return tampered();
		if (choiceKeys.has(key)) {
			const list = (raw[key] ??= []) as string[];
			list.push(value);
		} else if (key in raw) return tampered();
		else raw[key] = value;
	}
	const checked = checkedFields(raw, formFields(quiz, layout));
	if (!checked) return tampered();
	const data = checked as Record<string, string | string[] | undefined>;

	const sheet: AnswerSheet = {};
	const errors: Record<string, string> = {};
	for (const { question, entry, index } of entries) {
		if (question.type === 'single' || question.type === 'multiple') {
			sheet[entry.id] = (data[questionKey(index)] as string[] | undefined) ?? [];
			continue;
		}
		const values = entry.slots.map((_, slot) => data[slotField(index, slot)] as string);
		sheet[entry.id] = values;
		if (question.type === 'ordering' && mode === 'submit') {
			const given = values.filter((value) => value !== '');
			if (given.length !== values.length || new Set(given).size !== given.length) {
				errors[questionKey(index)] = m.quiz_error_order_positions({ number: index + 1 });
			}
		}
	}
	if (Object.keys(errors).length > 0) return { ok: false, tampered: false, errors, sheet };
	return { ok: true, sheet };
}

/**
 * The 1-based numbers of the questions the learner left open or only partly answered (a choice
 * question without a choice, a gap or a row left empty), as the submit summary lists them.
 */
export function openQuestionNumbers(
	quiz: QuizDefinition,
	layout: AttemptLayout,
	sheet: AnswerSheet
): number[] {
	return layoutEntries(quiz, layout)
		.filter(({ question, entry }) => {
			const given = sheet[entry.id] ?? [];
			if (question.type === 'single' || question.type === 'multiple') return given.length === 0;
			return given.length < entry.slots.length || given.some((value) => value.trim() === '');
		})
		.map(({ index }) => index + 1);
}
