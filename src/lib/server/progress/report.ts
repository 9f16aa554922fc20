import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { CourseMeta } from '$lib/content/types';
import { getCourse } from '../content';
import { getDb } from '../db';
import {
	cohorts,
	completionEvents,
	completionLatest,
	enrolments,
	quizAttempts,
	submissions,
	users
} from '../db/schema';
import { deriveAttendance } from './attendance';
import { deriveCourseProgress } from './derive';
import type { CompletionEvent } from './events';
import { listAttendance } from './index';
import type { LearnerState, MatrixLearner, SubmissionStatus } from './matrix';

// Loads everything the trainer reports need for one cohort in a handful of queries.

export interface AttemptRow {
	userId: string;
	quizId: string;
	score: number | null;
	passed: boolean | null;
	submittedAt: Date | null;
}

export interface SubmissionRow {
	userId: string;
	itemId: string;
	status: SubmissionStatus;
	updatedAt: Date;
}

export interface CohortReport {
	cohort: { id: string; name: string; courseId: string };
	course: CourseMeta;
	learners: MatrixLearner[];
	states: LearnerState[];
	events: Map<string, CompletionEvent[]>;
	attempts: AttemptRow[];
	submissions: SubmissionRow[];
}

export function getCohort(cohortId: string) {
	return getDb()
		.select({ id: cohorts.id, name: cohorts.name, courseId: cohorts.courseId })
		.from(cohorts)
		.where(eq(cohorts.id, cohortId))
		.get();
}

export function listCohortLearners(cohortId: string): MatrixLearner[] {
	return getDb()
		.select({ id: users.id, name: users.name, email: users.email })
		.from(enrolments)
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(eq(enrolments.cohortId, cohortId))
		.orderBy(asc(users.name))
		.all();
}

function groupBy<T extends { userId: string }>(rows: T[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const row of rows) {
		const list = groups.get(row.userId) ?? [];
		list.push(row);
		groups.set(row.userId, list);
	}
	return groups;
}

/**
 * The cohort's learners (or those of them in `only`) with derived progress; undefined if unknown.
 * Attempts and submissions are those made in this cohort: a learner who came from another
 * cohort brings their progress, not their history there. Without `history`, `events` holds only
 * each item's latest events (see completionLatest): enough for progress, not for a timeline.
 */
export function loadCohortReport(
	cohortId: string,
	options: { only?: readonly string[]; history?: boolean } = {}
): CohortReport | undefined {
	const { only, history = true } = options;
	const wanted = only && new Set(only);
	const cohort = getCohort(cohortId);
	const course = cohort && getCourse(cohort.courseId);
	if (!cohort || !course) return undefined;
	const learners = listCohortLearners(cohortId).filter(
		(learner) => !wanted || wanted.has(learner.id)
	);
	const ids = learners.map((learner) => learner.id);
	const db = getDb();
	const forLearners = (column: SQLiteColumn) => inArray(column, ids);

	// Grouped per learner below, so ordered per learner (the index's order, no sort).
	const eventRows = history
		? db
				.select({
					userId: completionEvents.userId,
					itemId: completionEvents.itemId,
					kind: completionEvents.kind,
					source: completionEvents.source,
					at: completionEvents.at
				})
				.from(completionEvents)
				.where(and(eq(completionEvents.courseId, course.id), forLearners(completionEvents.userId)))
				.orderBy(asc(completionEvents.userId), asc(completionEvents.at), asc(completionEvents.id))
				.all()
		: db
				.select({
					userId: completionLatest.userId,
					itemId: completionLatest.itemId,
					kind: completionLatest.kind,
					source: completionLatest.source,
					at: completionLatest.at
				})
				.from(completionLatest)
				.where(and(eq(completionLatest.courseId, course.id), forLearners(completionLatest.userId)))
				.orderBy(
					asc(completionLatest.userId),
					asc(completionLatest.at),
					asc(completionLatest.eventId)
				)
				.all();
	const submissionRows = db
		.select({
			userId: submissions.userId,
			itemId: submissions.itemId,
			status: submissions.status,
			updatedAt: submissions.updatedAt
		})
		.from(submissions)
		.where(
			and(
				eq(submissions.courseId, course.id),
				eq(submissions.cohortId, cohortId),
				forLearners(submissions.userId)
			)
		)
		.all();
	const attempts = db
		.select({
			userId: quizAttempts.userId,
			quizId: quizAttempts.quizId,
			score: quizAttempts.score,
			passed: quizAttempts.passed,
			submittedAt: quizAttempts.submittedAt,
			status: quizAttempts.status
		})
		.from(quizAttempts)
		.where(
			and(
				eq(quizAttempts.courseId, course.id),
				eq(quizAttempts.cohortId, cohortId),
				forLearners(quizAttempts.userId)
			)
		)
		.orderBy(asc(quizAttempts.startedAt))
		.all();
	const attendanceRows = course.attendanceRequired ? listAttendance(cohortId) : [];

	const events = groupBy(eventRows);
	const submissionsByUser = groupBy(submissionRows);
	const attemptsByUser = groupBy(attempts);
	const attendanceByUser = groupBy(attendanceRows);
	const states = learners.map((learner): LearnerState => {
		const own = attendanceByUser.get(learner.id) ?? [];
		const attendance = course.attendanceRequired ? deriveAttendance(attendanceRows, own) : null;
		return {
			learner,
			progress: deriveCourseProgress(course, events.get(learner.id) ?? [], attendance),
			submissions: new Map(
				(submissionsByUser.get(learner.id) ?? []).map((row) => [row.itemId, row.status])
			),
			started: new Set((attemptsByUser.get(learner.id) ?? []).map((row) => row.quizId))
		};
	});
	return {
		cohort,
		course,
		learners,
		states,
		events,
		attempts: attempts.filter((row) => row.status === 'submitted'),
		submissions: submissionRows
	};
}
