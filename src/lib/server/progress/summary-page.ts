import { deriveModuleCounts } from './derive';
import { cellStatus, moduleCompletion } from './matrix';
import { loadCohortRecords } from './report';
import { chartGeometry, quizPassRates } from './summary';
import { getCompletionTimeline } from './timeline';

/** Everything the cohort summary shows; undefined for an unknown cohort. */
export function getCohortSummary(cohortId: string, formatDay: (day: string) => string) {
	// Each item's latest events are enough for the counts; the timeline asks the database.
	const report = loadCohortRecords(cohortId, { history: false });
	if (!report) return undefined;
	const { course } = report;
	const rows = report.perLearner.map((own) => {
		const modules = deriveModuleCounts(course, own.events);
		return {
			cells: modules.map((module) => cellStatus(module, own.submissions, own.started)),
			isComplete: modules.every((module) => module.complete) && (own.attendance?.complete ?? true)
		};
	});
	const perModule = moduleCompletion(rows, course.modules.length);
	const names = new Map(report.learners.map((learner) => [learner.id, learner.name]));
	const titles = new Map(course.modules.flatMap((m) => m.items).map((i) => [i.id, i.title]));
	const timeline = getCompletionTimeline(
		course,
		report.learners.map((learner) => learner.id)
	);
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
