import { buildMatrixRows, parseMatrixSort, sortMatrixRows } from './matrix';
import { loadCohortReport } from './report';

/** The sorted matrix as page data and CSV input; undefined for an unknown cohort. */
export function getCohortMatrix(cohortId: string, params: URLSearchParams) {
	const report = loadCohortReport(cohortId);
	if (!report) return undefined;
	const sort = parseMatrixSort(params, report.course.modules.length);
	const attendance = new Map(
		report.states.map((state) => [state.learner.id, state.progress.attendance])
	);
	const rows = sortMatrixRows(buildMatrixRows(report.states), sort).map((row) => {
		const own = attendance.get(row.learner.id);
		return { ...row, attendance: own ? { present: own.present, days: own.days } : null };
	});
	return {
		cohort: report.cohort,
		course: {
			id: report.course.id,
			title: report.course.title,
			attendanceRequired: report.course.attendanceRequired
		},
		modules: report.course.modules.map((module) => ({ id: module.id, title: module.title })),
		rows,
		sort
	};
}

export type CohortMatrix = NonNullable<ReturnType<typeof getCohortMatrix>>;
