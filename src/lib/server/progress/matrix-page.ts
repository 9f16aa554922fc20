import { getCourse } from '../content';
import { pageOf } from '../db/paging';
import { buildMatrixRows, compareLearners, parseMatrixSort, sortMatrixRows } from './matrix';
import { getCohort, listCohortLearners, loadCohortReport } from './report';

/** Rows per page of the matrix: 500 learners would be a page of several megabytes. */
export const MATRIX_PAGE_SIZE = 50;

/**
 * The sorted matrix; undefined for an unknown cohort. With `page`, one page of it: sorted by
 * name, only that page's learners are loaded; sorted by progress, all of them (to sort).
 * Without, every row (the CSV).
 */
export function getCohortMatrix(cohortId: string, params: URLSearchParams, page?: number) {
	const cohort = getCohort(cohortId);
	const course = cohort && getCourse(cohort.courseId);
	if (!course) return undefined;
	const sort = parseMatrixSort(params, course.modules.length);
	let only: string[] | undefined;
	let window = { page: 1, pages: 1, total: 0 };
	if (page !== undefined && sort.key === 'name') {
		const sign = sort.dir === 'ab' ? -1 : 1;
		const learners = listCohortLearners(cohortId).sort((a, b) => sign * compareLearners(a, b));
		const { rows, ...rest } = pageOf(learners, page, MATRIX_PAGE_SIZE);
		only = rows.map((learner) => learner.id);
		window = rest;
	}
	const report = loadCohortReport(cohortId, { only, history: false });
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
