import { error } from '@sveltejs/kit';
import { cellStatusLabel } from '$lib/progress-labels';
import { m } from '$lib/paraglide/messages.js';
import { csvFileName } from '$lib/server/http/csv';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { getCohortMatrix } from '$lib/server/progress/matrix-page';
import { matrixCsv } from '$lib/server/progress/report-csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	requireManagedCohort(event);
	const matrix = getCohortMatrix(event.params.id, event.url.searchParams);
	if (!matrix) error(404, 'not found');
	const body = matrixCsv(
		matrix.modules.map((module) => module.title),
		matrix.rows.map((row) => ({
			...row,
			attendance: row.attendance
				? m.progress_matrix_attendance_value({
						present: row.attendance.present,
						days: row.attendance.days
					})
				: undefined
		})),
		{
			name: m.progress_csv_name(),
			email: m.progress_csv_email(),
			progress: m.progress_csv_progress(),
			completedAt: m.progress_csv_completed_at(),
			attendance: m.progress_matrix_col_attendance(),
			status: cellStatusLabel
		}
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${csvFileName(matrix.cohort.name, 'matrix')}"`,
			'cache-control': 'private, no-store'
		}
	});
};
