import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { assignmentStatusLabel } from '$lib/progress-labels';
import { itemTypeLabel } from '$lib/content/labels';
import { csvFileName } from '$lib/server/http/csv';
import { loadLearnerDetail } from '$lib/server/progress/detail';
import { requireManagedCohort } from '$lib/server/cohorts/guard';
import { learnerDetailCsv } from '$lib/server/progress/report-csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	requireManagedCohort(event);
	const detail = loadLearnerDetail(event.params.id, event.params.userId);
	if (!detail) error(404, 'not found');
	const body = learnerDetailCsv(detail, {
		module: m.progress_csv_module(),
		item: m.progress_learner_col_item(),
		type: m.progress_learner_col_type(),
		status: m.progress_learner_col_status(),
		completedAt: m.progress_csv_done_at(),
		attempts: m.progress_csv_attempts(),
		bestScore: m.progress_csv_best_score(),
		submission: m.progress_learner_col_submission(),
		typeLabel: itemTypeLabel,
		complete: m.progress_learner_done(),
		open: m.progress_learner_open(),
		submissionLabel: assignmentStatusLabel
	});
	const name = csvFileName(detail.cohort.name, detail.learner.name);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
