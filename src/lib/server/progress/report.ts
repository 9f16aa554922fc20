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
import { deriveAttendance, distinctDays, type AttendanceProgress } from './attendance';
import { deriveCourseProgress } from './derive';
import type { CompletionEvent } from './events';
import { listAttendance } from './index';
import type { SubmissionStatus } from '$lib/submission-status';
import type { LearnerState, MatrixLearner } from './matrix';

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

/** A learner's rows of the cohort, as the derive functions take them. */
export interface LearnerRecords {
	learner: MatrixLearner;
	events: CompletionEvent[];
	submissions: ReadonlyMap<string, SubmissionStatus>;
	started: ReadonlySet<string>;
	attendance: AttendanceProgress | null;
}

export interface CohortRecords {
	cohort: { id: string; name: string; courseId: string };
	course: CourseMeta;
	learners: MatrixLearner[];
	perLearner: LearnerRecords[];
	events: Map<string, CompletionEvent[]>;
	attempts: AttemptRow[];
	submissions: SubmissionRow[];
}

export interface CohortReport extends CohortRecords {
	states: LearnerState[];
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

interface ReportOptions {
	only?: readonly string[];
	/** Every event (default), each item's latest events (see completionLatest), or none. */
	events?: 'history' | 'latest' | 'none';
}

/** The cohort's learners with derived progress; see loadCohortRecords. */
export function loadCohortReport(
	cohortId: string,
	options: ReportOptions = {}
): CohortReport | undefined {
	const records = loadCohortRecords(cohortId, options);
	if (!records) return undefined;
	const states = records.perLearner.map((own): LearnerState => ({
		learner: own.learner,
		progress: deriveCourseProgress(records.course, own.events, own.attendance),
		submissions: own.submissions,
		started: own.started
	}));
	return { ...records, states };
}

/** The learners' events of the course, ordered per learner (the index's order, no sort). */
function listEventRows(
	events: NonNullable<ReportOptions['events']>,
	courseId: string,
	ids: string[]
): (CompletionEvent & { userId: string })[] {
	if (events === 'none') return [];
	const db = getDb();
	if (events === 'latest') {
		return db
			.select({
				userId: completionLatest.userId,
				itemId: completionLatest.itemId,
				kind: completionLatest.kind,
				source: completionLatest.source,
				at: completionLatest.at
			})
			.from(completionLatest)
			.where(and(eq(completionLatest.courseId, courseId), inArray(completionLatest.userId, ids)))
			.orderBy(
				asc(completionLatest.userId),
				asc(completionLatest.at),
				asc(completionLatest.eventId)
			)
			.all();
	}
	return db
		.select({
			userId: completionEvents.userId,
			itemId: completionEvents.itemId,
			kind: completionEvents.kind,
			source: completionEvents.source,
			at: completionEvents.at
		})
		.from(completionEvents)
		.where(and(eq(completionEvents.courseId, courseId), inArray(completionEvents.userId, ids)))
		.orderBy(asc(completionEvents.userId), asc(completionEvents.at), asc(completionEvents.id))
		.all();
}

/**
 * The rows of the cohort's learners (or those of them in `only`); undefined if unknown.
 * Attempts and submissions are those made in this cohort: a learner who came from another
 * cohort brings their progress, not their history there. With `events: 'latest'`, `events` holds
 * only each item's latest events (see completionLatest): enough for progress, not for a timeline.
 */
export function loadCohortRecords(
	cohortId: string,
	options: ReportOptions = {}
): CohortRecords | undefined {
	const { only, events = 'history' } = options;
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
	const cohortWork = (work: Record<'courseId' | 'cohortId' | 'userId', SQLiteColumn>) =>
		and(eq(work.courseId, course.id), eq(work.cohortId, cohortId), forLearners(work.userId));

	const eventRows = listEventRows(events, course.id, ids);
	const submissionRows = db
		.select({
			userId: submissions.userId,
			itemId: submissions.itemId,
			status: submissions.status,
			updatedAt: submissions.updatedAt
		})
		.from(submissions)
		.where(cohortWork(submissions))
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
		.where(cohortWork(quizAttempts))
		.orderBy(asc(quizAttempts.startedAt))
		.all();
	const attendanceRows = course.attendanceRequired ? listAttendance(cohortId) : [];

	const eventsByUser = groupBy(eventRows);
	const submissionsByUser = groupBy(submissionRows);
	const attemptsByUser = groupBy(attempts);
	const attendanceByUser = groupBy(attendanceRows);
	const cohortDays = distinctDays(attendanceRows);
	const perLearner = learners.map((learner): LearnerRecords => ({
		learner,
		events: eventsByUser.get(learner.id) ?? [],
		submissions: new Map(
			(submissionsByUser.get(learner.id) ?? []).map((row) => [row.itemId, row.status])
		),
		started: new Set((attemptsByUser.get(learner.id) ?? []).map((row) => row.quizId)),
		attendance: course.attendanceRequired
			? deriveAttendance(cohortDays, attendanceByUser.get(learner.id) ?? [])
			: null
	}));
	return {
		cohort,
		course,
		learners,
		perLearner,
		events: eventsByUser,
		attempts: attempts.filter((row) => row.status === 'submitted'),
		submissions: submissionRows
	};
}
