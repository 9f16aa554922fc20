import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { assignmentDueOn } from '../cohorts/due-date';
import type { ItemType } from '$lib/content/types';
import { itemUrl, moduleUrl } from '$lib/urls';
import type { SessionUser } from '../auth/session';
import { listEnrolments } from '../cohorts/enrolment';
import { getCourse, getItem } from '../content';
import { equalsLiteral } from '../db/literal';
import { preparedQuery } from '../db/prepared';
import { certificates, cohortModules, cohorts, reviews, submissions } from '../db/schema';
import { nextItem } from './derive';
import { enrolledStanding } from './index';

import type { AssignmentStatus } from '$lib/progress-labels';
import { berlinDay } from '$lib/berlin-day';

export interface CohortModuleDates {
	moduleId: string;
	startsOn: string | null;
	endsOn: string | null;
	assignmentDueOn: string | null;
}

const cohortDates = preparedQuery((db) =>
	db
		.select({
			cohortId: cohortModules.cohortId,
			cohortName: cohorts.name,
			moduleId: cohortModules.moduleId,
			startsOn: cohortModules.startsOn,
			endsOn: cohortModules.endsOn,
			place: cohortModules.place,
			assignmentDueOn: cohortModules.assignmentDueOn
		})
		.from(cohortModules)
		.innerJoin(cohorts, eq(cohorts.id, cohortModules.cohortId))
		// One statement for any number of cohorts: the ids arrive as a JSON array.
		.where(
			inArray(
				cohortModules.cohortId,
				sql`(select value from json_each(${sql.placeholder('cohortIds')}))`
			)
		)
		.prepare()
);

function listCohortDates(cohortIds: string[]) {
	if (cohortIds.length === 0) return [];
	return cohortDates().all({ cohortIds: JSON.stringify(cohortIds) });
}

// The dashboard's own queries are prepared once: it is the page every learner opens first.
const submissionStatuses = preparedQuery((db) =>
	db
		.select({ itemId: submissions.itemId, status: submissions.status })
		.from(submissions)
		.where(eq(submissions.userId, sql.placeholder('userId')))
		.prepare()
);

function listSubmissionStatuses(userId: string) {
	return new Map(
		submissionStatuses()
			.all({ userId })
			.map((row) => [row.itemId, row.status])
	);
}

/**
 * "Continue" skips assignments waiting for review; if what follows sits in a module that is
 * still locked (sequential course, review pending), there is nothing to continue with yet.
 */
export function getLearnerDashboard(user: SessionUser, now = new Date()) {
	const userId = user.id;
	const today = berlinDay(now);
	const enrolments = listEnrolments(userId);
	const statuses = listSubmissionStatuses(userId);
	const cohortIds = [...new Set(enrolments.flatMap((e) => (e.cohortId ? [e.cohortId] : [])))];
	const dates = listCohortDates(cohortIds);
	const waiting = new Set(
		[...statuses].filter(([, status]) => status === 'submitted').map(([itemId]) => itemId)
	);

	const courses = [];
	const openAssignments = [];
	for (const enrolment of enrolments) {
		const standing = enrolledStanding(enrolment);
		const progress = standing.progress!;
		const course = progress.course;
		const candidate = nextItem(progress, waiting);
		const next = candidate && standing.accessTo(candidate.moduleId).open ? candidate : null;
		courses.push({
			id: course.id,
			title: course.title,
			done: progress.done,
			total: progress.total,
			percent: progress.percent,
			isComplete: progress.isComplete,
			next: next ? { title: next.title, type: next.type as ItemType, url: itemUrl(next) } : null,
			modules: progress.modules.map((module) => ({
				id: module.module.id,
				title: module.module.title,
				url: moduleUrl(module.module.id),
				done: module.done,
				total: module.total,
				complete: module.complete
			}))
		});
		const ownDates = dates.filter((row) => row.cohortId === enrolment.cohortId);
		for (const module of progress.modules) {
			for (const entry of module.items) {
				if (entry.item.type !== 'assignment' || entry.complete) continue;
				const dueOn = assignmentDueOn(
					course.modules.map((entry) => entry.id),
					module.module.id,
					ownDates
				);
				const status: AssignmentStatus = statuses.get(entry.item.id) ?? 'not_started';
				openAssignments.push({
					title: entry.item.title,
					courseTitle: course.title,
					url: itemUrl(entry.item),
					status,
					dueOn,
					overdue: !!dueOn && dueOn < today && status !== 'submitted'
				});
			}
		}
	}
	openAssignments.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));

	const upcoming = dates
		.filter((row) => row.startsOn && (row.endsOn ?? row.startsOn) >= today)
		.map((row) => {
			const module = getCourse(row.moduleId.split('/')[0]!)?.modules.find(
				(entry) => entry.id === row.moduleId
			);
			return {
				cohortName: row.cohortName,
				moduleTitle: module?.title ?? row.moduleId,
				startsOn: row.startsOn!,
				endsOn: row.endsOn,
				place: row.place
			};
		})
		.sort((a, b) => a.startsOn.localeCompare(b.startsOn))
		.slice(0, 6);

	return {
		courses,
		openAssignments,
		upcoming,
		feedback: listRecentFeedback(userId),
		certificates: listCertificates(userId)
	};
}

const RECENT_FEEDBACK = 5;

const recentFeedback = preparedQuery((db) =>
	db
		.select({
			id: reviews.id,
			itemId: submissions.itemId,
			decision: reviews.decision,
			feedback: reviews.feedback,
			at: reviews.createdAt
		})
		.from(reviews)
		.innerJoin(submissions, eq(submissions.id, reviews.submissionId))
		.where(eq(submissions.userId, sql.placeholder('userId')))
		.orderBy(desc(reviews.createdAt))
		.limit(RECENT_FEEDBACK)
		.prepare()
);

export function listRecentFeedback(userId: string) {
	return recentFeedback()
		.all({ userId })
		.map((row) => {
			const item = getItem(row.itemId);
			return {
				id: row.id,
				title: item?.title ?? row.itemId,
				url: item ? itemUrl(item) : null,
				decision: row.decision,
				excerpt: row.feedback.length > 200 ? `${row.feedback.slice(0, 200)}…` : row.feedback,
				at: row.at
			};
		});
}

const validCertificates = preparedQuery((db) =>
	db
		.select({
			id: certificates.id,
			courseId: certificates.courseId,
			number: certificates.number,
			issuedAt: certificates.issuedAt
		})
		.from(certificates)
		.where(
			and(
				eq(certificates.userId, sql.placeholder('userId')),
				equalsLiteral(certificates.status, 'valid')
			)
		)
		.orderBy(desc(certificates.issuedAt))
		.prepare()
);

export function listCertificates(userId: string) {
	return validCertificates()
		.all({ userId })
		.map((row) => ({
			...row,
			courseTitle: getCourse(row.courseId)?.title ?? row.courseId,
			pdfUrl: `/zertifikate/${row.id}/pdf`
		}));
}

export type LearnerDashboard = ReturnType<typeof getLearnerDashboard>;
