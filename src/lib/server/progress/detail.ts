import type { CourseMeta, ItemType } from '$lib/content/types';
import { itemUrl } from '$lib/urls';
import type { CompletionEvent } from './events';
import { getEnrolment } from '../cohorts/enrolment';
import { listAttendance } from './index';
import type { CellStatus } from '$lib/progress-labels';
import type { SubmissionStatus } from '$lib/submission-status';
import { cellStatus, type LearnerState } from './matrix';
import { loadCohortReport, type AttemptRow, type SubmissionRow } from './report';

export interface DetailItem {
	id: string;
	title: string;
	type: ItemType;
	url: string;
	complete: boolean;
	completedAt: Date | null;
	isNew: boolean;
	submission: SubmissionStatus | null;
	attempts: number;
	bestScore: number | null;
}

export interface AttendanceEntry {
	moduleTitle: string;
	day: string;
	present: boolean;
}

/** Pure: one learner's detail from the rows loaded for them. */
export function shapeLearnerDetail(
	course: CourseMeta,
	state: LearnerState,
	events: CompletionEvent[],
	attempts: AttemptRow[],
	submissions: SubmissionRow[],
	attendance: { moduleId: string; day: string; present: boolean }[]
) {
	const titles = new Map(course.modules.flatMap((m) => m.items).map((i) => [i.id, i.title]));
	const moduleTitles = new Map(course.modules.map((module) => [module.id, module.title]));
	const modules = state.progress.modules.map((module) => ({
		id: module.module.id,
		title: module.module.title,
		status: cellStatus(module, state.submissions, state.started) as CellStatus,
		done: module.done,
		total: module.total,
		items: module.items.map((entry): DetailItem => {
			const own = attempts.filter((attempt) => attempt.quizId === entry.item.id);
			const scores = own.flatMap((attempt) => (attempt.score === null ? [] : [attempt.score]));
			return {
				id: entry.item.id,
				title: entry.item.title,
				type: entry.item.type,
				url: itemUrl(entry.item),
				complete: entry.complete,
				completedAt: entry.completedAt,
				isNew: entry.isNew,
				submission: state.submissions.get(entry.item.id) ?? null,
				attempts: own.length,
				bestScore: scores.length === 0 ? null : Math.max(...scores)
			};
		})
	}));
	return {
		learner: state.learner,
		done: state.progress.done,
		total: state.progress.total,
		percent: state.progress.percent,
		isComplete: state.progress.isComplete,
		completedAt: state.progress.completedAt,
		attendanceSummary: state.progress.attendance,
		modules,
		attempts: attempts.map((attempt) => ({
			title: titles.get(attempt.quizId) ?? attempt.quizId,
			score: attempt.score,
			passed: attempt.passed,
			submittedAt: attempt.submittedAt
		})),
		submissions: submissions.map((submission) => ({
			title: titles.get(submission.itemId) ?? submission.itemId,
			status: submission.status,
			updatedAt: submission.updatedAt
		})),
		attendance: attendance
			.map((row): AttendanceEntry => ({
				moduleTitle: moduleTitles.get(row.moduleId) ?? row.moduleId,
				day: row.day,
				present: row.present
			}))
			.sort((a, b) => a.day.localeCompare(b.day)),
		timeline: [...events].reverse().map((event) => ({
			at: event.at,
			title: titles.get(event.itemId) ?? event.itemId,
			kind: event.kind,
			source: event.source
		}))
	};
}

export type LearnerDetail = ReturnType<typeof shapeLearnerDetail> & {
	cohort: { id: string; name: string };
	course: { id: string; title: string };
};

/**
 * Undefined when the cohort is unknown or the user is not one of its learners. The timeline
 * starts when the learner joined this cohort: what they did before belongs to where they were.
 */
export function loadLearnerDetail(cohortId: string, userId: string): LearnerDetail | undefined {
	const report = loadCohortReport(cohortId, { only: [userId] });
	const state = report?.states[0];
	const enrolment = getEnrolment(userId, report?.course.id ?? '');
	if (!report || !state || !enrolment) return undefined;
	const since = enrolment.joinedCohortAt ?? enrolment.createdAt;
	const detail = shapeLearnerDetail(
		report.course,
		state,
		(report.events.get(userId) ?? []).filter((event) => event.at >= since),
		report.attempts.filter((attempt) => attempt.userId === userId),
		report.submissions,
		listAttendance(cohortId, userId)
	);
	return {
		...detail,
		cohort: { id: report.cohort.id, name: report.cohort.name },
		course: { id: report.course.id, title: report.course.title }
	};
}
