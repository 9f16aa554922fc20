import { m } from '$lib/paraglide/messages.js';
import {
	countPresentByDay,
	getAttendance,
	isRecordableDay,
	listCohortDays,
	recordAttendance
} from '$lib/server/cohorts/attendance';
import type { Cohort } from '$lib/server/cohorts/cohorts';
import { listCohortLearners } from '$lib/server/cohorts/cohorts';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { formFailure } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

/** A module day of the cohort, given as module number and date; undefined when not one. */
function findDay(cohort: Cohort, moduleNumber: string | null, day: string | null) {
	const module = cohort.modules.find((entry) => String(entry.number) === moduleNumber);
	if (!module || !day) return undefined;
	const found = listCohortDays([module]).some((entry) => entry.day === day);
	return found ? { module, day } : undefined;
}

/** Why a day asked for in the URL shows no form: not one of the cohort's, or still to come. */
function dayProblem(found: ReturnType<typeof findDay>): string | null {
	if (!found) return m.cohorts_attendance_error_day();
	return isRecordableDay(found.day) ? null : m.cohorts_attendance_error_upcoming();
}

export const load: PageServerLoad = (event) => {
	const { cohort } = requireManagedCohort(event);
	const counts = countPresentByDay(cohort.id);
	const numbers = new Map(cohort.modules.map((module) => [module.moduleId, module]));
	const learners = listCohortLearners(cohort.id);
	const days = listCohortDays(cohort.modules).map(({ moduleId, day }) => ({
		moduleNumber: numbers.get(moduleId)!.number,
		moduleTitle: numbers.get(moduleId)!.title,
		day,
		upcoming: !isRecordableDay(day),
		...(counts.get(`${moduleId}|${day}`) ?? { present: 0, recorded: 0 })
	}));
	const params = event.url.searchParams;
	const found = findDay(cohort, params.get('modul'), params.get('tag'));
	const selected = found && isRecordableDay(found.day) ? found : undefined;
	const presence = selected
		? getAttendance(cohort.id, selected.module.moduleId, selected.day)
		: null;
	return {
		cohort: { id: cohort.id, name: cohort.name },
		days,
		learnerCount: learners.length,
		selected: selected
			? {
					moduleNumber: selected.module.number,
					moduleTitle: selected.module.title,
					day: selected.day,
					learners: learners.map(({ id, name }) => ({
						id,
						name,
						present: presence!.get(id) ?? null
					}))
				}
			: null,
		dayError: params.has('tag') ? dayProblem(found) : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, cohort } = requireManagedCohort(event);
		const form = await event.request.formData();
		const selected = findDay(
			cohort,
			String(form.get('modul') ?? ''),
			String(form.get('tag') ?? '')
		);
		if (!selected) return formFailure(400, { form: m.cohorts_attendance_error_day() });
		if (!isRecordableDay(selected.day)) {
			return formFailure(409, { form: m.cohorts_attendance_error_upcoming() });
		}
		const entries = listCohortLearners(cohort.id).map((learner) => ({
			userId: learner.id,
			present: form.get(`anwesend_${learner.id}`) === 'ja'
		}));
		recordAttendance({
			cohortId: cohort.id,
			moduleId: selected.module.moduleId,
			day: selected.day,
			entries,
			recordedBy: user.id
		});
		return {
			done: m.cohorts_attendance_saved({ present: entries.filter((e) => e.present).length })
		};
	}
};
