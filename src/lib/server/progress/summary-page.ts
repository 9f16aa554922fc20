import { countsTowardCompletion } from '$lib/content/types';
import type { ModuleCount } from './derive';
import { getDb } from '../db';
import { countDoneItemsPerModule } from './done-counts';
import { completionVersions } from './learner-stamp-cache';
import { cellStatus, moduleCompletion } from './matrix';
import { loadCohortRecords } from './report';
import { chartGeometry, quizPassRates } from './summary';
import { getCompletionTimeline } from './timeline';

/** Everything the cohort summary shows; undefined for an unknown cohort. */
export function getCohortSummary(cohortId: string, formatDay: (day: string) => string) {
	// The database counts complete items and replays the timeline: no events reach this process.
	const report = loadCohortRecords(cohortId, { events: 'none' });
	if (!report) return undefined;
	const { course } = report;
	const totals = course.modules.map((module) => module.items.filter(countsTowardCompletion).length);
	const learnerIds = report.learners.map((learner) => learner.id);
	// One read transaction: the versions, the counts and the timeline see the same events, even
	// with several server processes writing.
	const { doneCounts, timeline } = getDb().transaction(() => {
		const versions = completionVersions(course.id, learnerIds);
		return {
			doneCounts: countDoneItemsPerModule(course, versions),
			timeline: getCompletionTimeline(course, learnerIds, versions)
		};
	});
	const rows = report.perLearner.map((own) => {
		const done = doneCounts.get(own.learner.id);
		const modules = course.modules.map((module, index): ModuleCount => {
			const count = done?.[index] ?? 0;
			return { module, done: count, total: totals[index]!, complete: count === totals[index] };
		});
		return {
			cells: modules.map((module) => cellStatus(module, own.submissions, own.started)),
			isComplete: modules.every((module) => module.complete) && (own.attendance?.complete ?? true)
		};
	});
	const perModule = moduleCompletion(rows, course.modules.length);
	const names = new Map(report.learners.map((learner) => [learner.id, learner.name]));
	const titles = new Map(course.modules.flatMap((m) => m.items).map((i) => [i.id, i.title]));
	return {
		cohort: report.cohort,
		course: { id: course.id, title: course.title },
		learners: rows.length,
		completeLearners: rows.filter((row) => row.isComplete).length,
		modules: course.modules.map((module, index) => ({
			id: module.id,
			title: module.title,
			...perModule[index]!
		})),
		quizzes: quizPassRates(course, report.attempts),
		waiting: report.submissions
			.filter((submission) => submission.status === 'submitted')
			.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())
			.map((submission) => ({
				userId: submission.userId,
				learnerName: names.get(submission.userId) ?? '',
				title: titles.get(submission.itemId) ?? submission.itemId,
				since: submission.updatedAt
			})),
		timeline: timeline.map((point) => ({ ...point, label: formatDay(point.day) })),
		chart: timeline.length === 0 ? null : chartGeometry(timeline, formatDay)
	};
}
