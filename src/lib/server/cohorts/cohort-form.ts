import { m } from '$lib/paraglide/messages.js';
import { z } from 'zod';
import type { FormResult } from '../validation/form';
import { daysBetween, isIsoDate } from './dates';
import { asOneLine } from '../validation/text';

export const COHORT_NAME_MAX = 120;
export const PLACE_MAX = 200;
/** In-person blocks are a few days; a longer range is almost always a typo in the year. */
export const MODULE_MAX_DAYS = 14;

export interface CohortModuleInput {
	moduleId: string;
	startsOn: string | null;
	endsOn: string | null;
	place: string | null;
	assignmentDueOn: string | null;
}

export interface CohortDetails {
	name: string;
	followUpDate: string | null;
	modules: CohortModuleInput[];
}

export interface CohortInput extends CohortDetails {
	trainerIds: string[];
}

interface ModuleRef {
	id: string;
}

/** Field names of a module's inputs, by the module's position in the course. */
export const moduleField = {
	start: (index: number) => `start_${index}`,
	end: (index: number) => `end_${index}`,
	place: (index: number) => `place_${index}`,
	due: (index: number) => `due_${index}`
};

const dateField = () =>
	z
		.string()
		.trim()
		.default('')
		.refine((value) => value === '' || isIsoDate(value), m.cohorts_error_date_invalid());

const orNull = (value: string) => value || null;

/** Cross-field rules: ranges the right way round, modules in course order, follow-up last. */
function checkSchedule(
	raw: Record<string, string>,
	modules: readonly ModuleRef[],
	ctx: z.RefinementCtx
) {
	let previousEnd: { day: string; number: number } | null = null;
	for (let index = 0; index < modules.length; index += 1) {
		const number = index + 1;
		const start = raw[moduleField.start(index)] ?? '';
		const end = raw[moduleField.end(index)] ?? '';
		const due = raw[moduleField.due(index)] ?? '';
		const issue = (field: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: [field], message });
		if (!isIsoDate(start)) {
			if (end && isIsoDate(end))
				issue(moduleField.start(index), m.cohorts_error_end_without_start({ number }));
			continue;
		}
		const last = end && isIsoDate(end) ? end : start;
		if (daysBetween(start, last) < 0) {
			issue(moduleField.end(index), m.cohorts_error_end_before_start({ number }));
			continue;
		}
		if (daysBetween(start, last) >= MODULE_MAX_DAYS) {
			issue(
				moduleField.end(index),
				m.cohorts_error_range_too_long({ number, max: MODULE_MAX_DAYS })
			);
		}
		if (previousEnd && daysBetween(previousEnd.day, start) <= 0) {
			issue(
				moduleField.start(index),
				m.cohorts_error_module_order({ number, previous: previousEnd.number })
			);
		}
		if (due && isIsoDate(due) && daysBetween(start, due) < 0) {
			issue(moduleField.due(index), m.cohorts_error_due_before_start({ number }));
		}
		previousEnd = { day: last, number };
	}
	const followUp = raw.followUpDate ?? '';
	if (previousEnd && isIsoDate(followUp) && daysBetween(previousEnd.day, followUp) <= 0) {
		ctx.addIssue({
			code: 'custom',
			path: ['followUpDate'],
			message: m.cohorts_error_follow_up_order()
		});
	}
}

/** Name, dates and place of every module, follow-up date; trainers are chosen separately. */
export function cohortDetailsSchema(modules: readonly ModuleRef[]) {
	const shape: Record<string, z.ZodType<string>> = {
		name: z
			.string({ error: m.cohorts_error_name_required() })
			.overwrite(asOneLine)
			.trim()
			.min(1, m.cohorts_error_name_required())
			.max(COHORT_NAME_MAX, m.cohorts_error_name_too_long({ max: COHORT_NAME_MAX })),
		followUpDate: dateField()
	};
	modules.forEach((_, index) => {
		shape[moduleField.start(index)] = dateField();
		shape[moduleField.end(index)] = dateField();
		shape[moduleField.due(index)] = dateField();
		shape[moduleField.place(index)] = z
			.string()
			.overwrite(asOneLine)
			.trim()
			.max(PLACE_MAX, m.cohorts_error_place_too_long({ max: PLACE_MAX }))
			.default('');
	});
	return z
		.object(shape)
		.superRefine((raw, ctx) => checkSchedule(raw, modules, ctx))
		.transform((raw): CohortDetails => ({
			name: raw.name ?? '',
			followUpDate: orNull(raw.followUpDate ?? ''),
			modules: modules.map((module, index) => {
				const startsOn = orNull(raw[moduleField.start(index)] ?? '');
				return {
					moduleId: module.id,
					startsOn,
					endsOn: startsOn ? (orNull(raw[moduleField.end(index)] ?? '') ?? startsOn) : null,
					place: orNull(raw[moduleField.place(index)] ?? ''),
					assignmentDueOn: orNull(raw[moduleField.due(index)] ?? '')
				};
			})
		}));
}

/**
 * Reads the cohort form. Trainers arrive as repeated `trainer` checkboxes; every other field
 * must come once (a repeated one is a tampered form).
 */
export function parseCohortForm(
	formData: FormData,
	modules: readonly ModuleRef[],
	options: { trainers?: { allowed: ReadonlySet<string>; required: string | null } } = {}
): FormResult<CohortInput> {
	const raw: Record<string, string> = {};
	const errors: Record<string, string> = {};
	for (const [key, value] of formData.entries()) {
		if (typeof value !== 'string' || key === 'trainer') continue;
		if (key in raw) errors[key] = m.common_error_duplicate_field();
		raw[key] = value;
	}
	const trainerIds = [
		...new Set(formData.getAll('trainer').filter((v): v is string => typeof v === 'string'))
	];
	const values = { ...raw, trainer: trainerIds.join(',') };
	const parsed = cohortDetailsSchema(modules).safeParse(raw);
	for (const issue of parsed.error?.issues ?? []) {
		errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	}
	if (options.trainers) {
		const { allowed, required } = options.trainers;
		if (required && !trainerIds.includes(required)) trainerIds.unshift(required);
		if (trainerIds.length === 0) errors.trainer = m.cohorts_error_trainer_required();
		else if (trainerIds.some((id) => !allowed.has(id)))
			errors.trainer = m.cohorts_error_trainer_unknown();
	}
	if (!parsed.success || Object.keys(errors).length > 0) return { success: false, errors, values };
	return { success: true, data: { ...parsed.data, trainerIds }, values };
}

/** The form values that show a stored cohort in the edit form. */
export function cohortFormValues(cohort: {
	name: string;
	followUpDate: string | null;
	modules: CohortModuleInput[];
}): Record<string, string> {
	const values: Record<string, string> = {
		name: cohort.name,
		followUpDate: cohort.followUpDate ?? ''
	};
	cohort.modules.forEach((module, index) => {
		values[moduleField.start(index)] = module.startsOn ?? '';
		values[moduleField.end(index)] =
			module.endsOn && module.endsOn !== module.startsOn ? module.endsOn : '';
		values[moduleField.place(index)] = module.place ?? '';
		values[moduleField.due(index)] = module.assignmentDueOn ?? '';
	});
	return values;
}

/** The cohort's last day: the end of its last module or the follow-up meeting; null undated. */
export function lastCohortDay(details: Pick<CohortDetails, 'followUpDate' | 'modules'>) {
	const days = details.modules.flatMap((module) => module.endsOn ?? module.startsOn ?? []);
	if (details.followUpDate) days.push(details.followUpDate);
	return days.length ? days.reduce((a, b) => (a > b ? a : b)) : null;
}

/**
 * A last day before today is usually a typo in the year, and files the cohort under
 * „Abgeschlossen“ with its learners' data on the retention clock: it needs a confirmation. An
 * edit that leaves the last day where it was (a finished cohort's place corrected) does not.
 */
export function needsPastConfirmation(
	details: Pick<CohortDetails, 'followUpDate' | 'modules'>,
	today: string,
	stored: Pick<CohortDetails, 'followUpDate' | 'modules'> | null = null
): string | null {
	const last = lastCohortDay(details);
	if (!last || last >= today) return null;
	return stored && lastCohortDay(stored) === last ? null : last;
}

/** Names compare trimmed, on one line and without case: „IKBO 2027“ and „ikbo  2027“ clash. */
export function cohortNameKey(name: string): string {
	return asOneLine(name).trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}
