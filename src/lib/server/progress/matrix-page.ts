import type { CourseMeta } from '$lib/content/types';
import { getCourse } from '../content';
import { pageOf } from '../db/paging';
import { countDoneItems } from './done-counts';
import {
	buildMatrixRows,
	compareLearners,
	parseMatrixSort,
	sortMatrixRows,
	type MatrixLearner,
	type MatrixSort
} from './matrix';
import { getCohort, listCohortLearners, loadCohortReport } from './report';

/** Rows per page of the matrix: 500 learners would be a page of several megabytes. */
export const MATRIX_PAGE_SIZE = 50;

/**
 * The cohort's learners in the order of the matrix, when that order needs no derived progress
 * (by name, or by the count of complete items); undefined for a sort by module.
 */
function orderLearners(
	cohortId: string,
	course: CourseMeta,
	sort: MatrixSort
): MatrixLearner[] | undefined {
	const sign = sort.dir === 'ab' ? -1 : 1;
	const learners = listCohortLearners(cohortId);
	if (sort.key === 'name') return learners.sort((a, b) => sign * compareLearners(a, b));
	if (sort.key !== 'fortschritt') return undefined;
	const done = countDoneItems(
		course,
		learners.map((learner) => learner.id)
	);
	const doneOf = (learner: MatrixLearner) => done.get(learner.id) ?? 0;
	return learners.sort((a, b) => sign * (doneOf(a) - doneOf(b)) || compareLearners(a, b));
}

/**
 * The sorted matrix; undefined for an unknown cohort. With `page`, one page of it: sorted by
 * name or progress, only that page's learners are derived; sorted by a module, all of them (to
 * sort). Without, every row (the CSV).
 */
export function getCohortMatrix(cohortId: string, params: URLSearchParams, page?: number) {
	const cohort = getCohort(cohortId);
	const course = cohort && getCourse(cohort.courseId);
	if (!course) return undefined;
	const sort = parseMatrixSort(params, course.modules.length);
	let only: string[] | undefined;
	let window = { page: 1, pages: 1, total: 0 };
	const learners = page === undefined ? undefined : orderLearners(cohortId, course, sort);
	if (page !== undefined && learners) {
		const { rows, ...rest } = pageOf(learners, page, MATRIX_PAGE_SIZE);
		only = rows.map((learner) => learner.id);
		window = rest;
	}
	const report = loadCohortReport(cohortId, { only, events: 'latest' });
	if (!report) return undefined;
	const attendance = new Map(
		report.states.map((state) => [state.learner.id, state.progress.attendance])
	);
	let rows = sortMatrixRows(buildMatrixRows(report.states), sort).map((row) => {
		const own = attendance.get(row.learner.id);
		return { ...row, attendance: own ? { present: own.present, days: own.days } : null };
	});
	if (page === undefined) window = { page: 1, pages: 1, total: rows.length };
	else if (!only) ({ rows, ...window } = pageOf(rows, page, MATRIX_PAGE_SIZE));
	return {
		cohort: report.cohort,
		course: {
			id: report.course.id,
			title: report.course.title,
			attendanceRequired: report.course.attendanceRequired
		},
		modules: report.course.modules.map((module) => ({ id: module.id, title: module.title })),
		rows,
		sort,
		...window
	};
}

export type CohortMatrix = NonNullable<ReturnType<typeof getCohortMatrix>>;
