import type { CellStatus } from '$lib/progress-labels';
import type { SubmissionStatus } from '$lib/submission-status';
import type { CourseProgress, ModuleCount } from './derive';

// Pure: the cohort matrix (learners × modules) and its sorting.

/** Sort order of a module column: least far along first. */
const rank: Record<CellStatus, number> = {
	not_started: 0,
	in_progress: 1,
	revision_requested: 2,
	waiting_for_review: 3,
	complete: 4
};

/**
 * A complete module is complete even if an optional assignment still waits for review; else a
 * pending action on an assignment says more than "in progress": revision requested (the learner
 * must act) before waiting for review (the trainer must act).
 */
export function cellStatus(
	module: ModuleCount,
	submissions: ReadonlyMap<string, SubmissionStatus>,
	started: ReadonlySet<string> = new Set()
): CellStatus {
	if (module.complete) return 'complete';
	const ids = module.module.items.map((item) => item.id);
	const statuses = ids.map((id) => submissions.get(id));
	if (statuses.includes('revision_requested')) return 'revision_requested';
	if (statuses.includes('submitted')) return 'waiting_for_review';
	const touched = module.done > 0 || ids.some((id) => submissions.has(id) || started.has(id));
	return touched ? 'in_progress' : 'not_started';
}

export interface MatrixLearner {
	id: string;
	name: string;
	email: string;
}

export interface MatrixRow {
	learner: MatrixLearner;
	done: number;
	total: number;
	percent: number;
	isComplete: boolean;
	completedAt: Date | null;
	cells: CellStatus[];
}

export interface LearnerState {
	learner: MatrixLearner;
	progress: CourseProgress;
	submissions: ReadonlyMap<string, SubmissionStatus>;
	started: ReadonlySet<string>;
}

export function buildMatrixRows(states: LearnerState[]): MatrixRow[] {
	return states.map(({ learner, progress, submissions, started }) => ({
		learner,
		done: progress.done,
		total: progress.total,
		percent: progress.percent,
		isComplete: progress.isComplete,
		completedAt: progress.completedAt,
		cells: progress.modules.map((module) => cellStatus(module, submissions, started))
	}));
}

export type SortKey = 'name' | 'fortschritt' | `modul-${number}`;
export interface MatrixSort {
	key: SortKey;
	dir: 'auf' | 'ab';
}

/** Unknown or out-of-range values fall back to name, ascending: a bad URL still shows the matrix. */
export function parseMatrixSort(params: URLSearchParams, moduleCount: number): MatrixSort {
	const raw = params.get('sortierung') ?? 'name';
	const dir = params.get('richtung') === 'ab' ? 'ab' : 'auf';
	if (raw === 'name' || raw === 'fortschritt') return { key: raw, dir };
	const match = /^modul-([1-9]\d{0,2})$/.exec(raw);
	if (match && Number(match[1]) <= moduleCount) return { key: raw as SortKey, dir };
	return { key: 'name', dir: 'auf' };
}

export const compareLearners = (a: MatrixLearner, b: MatrixLearner) =>
	a.name.localeCompare(b.name, 'de') || a.email.localeCompare(b.email);
const byName = (a: MatrixRow, b: MatrixRow) => compareLearners(a.learner, b.learner);

export function sortMatrixRows(rows: MatrixRow[], sort: MatrixSort): MatrixRow[] {
	const sign = sort.dir === 'ab' ? -1 : 1;
	const value = (row: MatrixRow): number => {
		if (sort.key === 'fortschritt') return row.done;
		const index = Number(sort.key.slice('modul-'.length)) - 1;
		return rank[row.cells[index]!];
	};
	return [...rows].sort((a, b) => {
		if (sort.key === 'name') return sign * byName(a, b);
		return sign * (value(a) - value(b)) || byName(a, b);
	});
}

/** Per module: how many learners are complete, for the summary. */
export function moduleCompletion(rows: Pick<MatrixRow, 'cells'>[], moduleCount: number) {
	return Array.from({ length: moduleCount }, (_, index) => {
		const counts: Record<CellStatus, number> = {
			not_started: 0,
			in_progress: 0,
			complete: 0,
			waiting_for_review: 0,
			revision_requested: 0
		};
		for (const row of rows) counts[row.cells[index]!] += 1;
		return {
			...counts,
			learners: rows.length,
			percent: rows.length === 0 ? 0 : Math.round((counts.complete / rows.length) * 100)
		};
	});
}
