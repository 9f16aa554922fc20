import type { ItemType } from '$lib/content/types';
import { formatCsvDate, toCsv } from '../http/csv';
import type { DetailItem, LearnerDetail } from './detail';
import type { CellStatus } from '$lib/progress-labels';
import type { SubmissionStatus } from '$lib/submission-status';
import type { MatrixRow } from './matrix';

// Pure: report data → CSV text. Labels come in from the caller (paraglide, per request locale).

export interface MatrixCsvLabels {
	name: string;
	email: string;
	progress: string;
	completedAt: string;
	attendance: string;
	status: (status: CellStatus) => string;
}

export function matrixCsv(
	moduleTitles: string[],
	rows: (MatrixRow & { attendance?: string })[],
	labels: MatrixCsvLabels
): string {
	const withAttendance = rows.some((row) => row.attendance !== undefined);
	const header = [
		labels.name,
		labels.email,
		...moduleTitles,
		labels.progress,
		labels.completedAt,
		...(withAttendance ? [labels.attendance] : [])
	];
	return toCsv(
		header,
		rows.map((row) => [
			row.learner.name,
			row.learner.email,
			...row.cells.map(labels.status),
			`${row.percent} %`,
			formatCsvDate(row.completedAt),
			...(withAttendance ? [row.attendance ?? ''] : [])
		])
	);
}

export interface DetailCsvLabels {
	module: string;
	item: string;
	type: string;
	status: string;
	completedAt: string;
	attempts: string;
	bestScore: string;
	submission: string;
	typeLabel: (type: ItemType) => string;
	complete: string;
	open: string;
	submissionLabel: (status: SubmissionStatus) => string;
}

export function learnerDetailCsv(detail: Pick<LearnerDetail, 'modules'>, labels: DetailCsvLabels) {
	const row = (moduleTitle: string, item: DetailItem) => [
		moduleTitle,
		item.title,
		labels.typeLabel(item.type),
		item.complete ? labels.complete : labels.open,
		formatCsvDate(item.completedAt),
		item.type === 'quiz' ? item.attempts : '',
		item.bestScore === null ? '' : `${item.bestScore} %`,
		item.submission ? labels.submissionLabel(item.submission) : ''
	];
	return toCsv(
		[
			labels.module,
			labels.item,
			labels.type,
			labels.status,
			labels.completedAt,
			labels.attempts,
			labels.bestScore,
			labels.submission
		],
		detail.modules.flatMap((module) => module.items.map((item) => row(module.title, item)))
	);
}
