import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { getEnrolment, type Enrolment } from '../cohorts/enrolment';
import { getCourse, getItem } from '../content';
import { preparedQuery } from '../db/prepared';
import { attendance, moduleUnlocks } from '../db/schema';
import { deriveAttendance, type AttendanceProgress } from './attendance';
import {
	countsForItem,
	deriveCourseProgress,
	deriveModuleAccess,
	type CourseProgress,
	type ModuleAccess
} from './derive';
import { insertCompletionEvent, listCompletionEvents, type CompletionKind } from './events';
import type { CompletionSource } from '$lib/completion-source';

export type {
	AttendanceProgress,
	CourseProgress,
	ModuleAccess,
	ModuleProgress,
	ItemProgress
} from './derive';

type CourseCompletedListener = (userId: string, courseId: string) => void | Promise<void>;
const courseCompletedListeners: CourseCompletedListener[] = [];

/** Called once each time a learner's course turns complete (e.g. to issue a certificate). */
export function onCourseCompleted(listener: CourseCompletedListener): void {
	courseCompletedListeners.push(listener);
}

const attendanceColumns = {
	userId: attendance.userId,
	moduleId: attendance.moduleId,
	day: attendance.day,
	present: attendance.present,
	recordedAt: attendance.recordedAt
};

const attendanceOfCohort = preparedQuery((db) =>
	db
		.select(attendanceColumns)
		.from(attendance)
		.where(eq(attendance.cohortId, sql.placeholder('cohortId')))
		.prepare()
);

const attendanceOfLearner = preparedQuery((db) =>
	db
		.select(attendanceColumns)
		.from(attendance)
		.where(
			and(
				eq(attendance.cohortId, sql.placeholder('cohortId')),
				eq(attendance.userId, sql.placeholder('userId'))
			)
		)
		.prepare()
);

/** Attendance rows of a cohort, for one learner or (userId omitted) everyone. */
export function listAttendance(cohortId: string, userId?: string) {
	return userId
		? attendanceOfLearner().all({ cohortId, userId })
		: attendanceOfCohort().all({ cohortId });
}

/** Null when the course does not require attendance or the learner is not in a cohort. */
export function getAttendanceProgress(userId: string, courseId: string): AttendanceProgress | null {
	if (!getCourse(courseId)?.attendanceRequired) return null;
	const cohortId = getEnrolment(userId, courseId)?.cohortId;
	return cohortId ? getCohortAttendance(cohortId, userId) : null;
}

export function getCohortAttendance(cohortId: string, userId: string): AttendanceProgress {
	const rows = listAttendance(cohortId);
	return deriveAttendance(
		rows,
		rows.filter((row) => row.userId === userId)
	);
}

export function getCourseProgress(userId: string, courseId: string): CourseProgress | undefined {
	const course = getCourse(courseId);
	if (!course) return undefined;
	return deriveCourseProgress(
		course,
		listCompletionEvents(userId, courseId),
		getAttendanceProgress(userId, courseId)
	);
}

/** getCourseProgress for a learner whose enrolment the caller has read already. */
export function enrolmentProgress(enrolment: Enrolment): CourseProgress | undefined {
	const { userId, courseId, cohortId } = enrolment;
	const course = getCourse(courseId);
	if (!course) return undefined;
	const attendance =
		course.attendanceRequired && cohortId ? getCohortAttendance(cohortId, userId) : null;
	return deriveCourseProgress(course, listCompletionEvents(userId, courseId), attendance);
}

/**
 * For changes outside this module that can complete a course (e.g. recording attendance):
 * pass whether the course was complete before the change; listeners run if it is now.
 */
export function notifyIfCourseCompleted(userId: string, courseId: string, wasComplete: boolean) {
	if (wasComplete || !getCourseProgress(userId, courseId)?.isComplete) return;
	for (const listener of courseCompletedListeners) void listener(userId, courseId);
}

function changeCompletion(
	userId: string,
	itemId: string,
	kind: CompletionKind,
	source: CompletionSource
): void {
	const item = getItem(itemId);
	if (!item) throw new Error(`unknown item ${itemId}`);
	const at = new Date();
	if (!countsForItem(item, { itemId, kind, source, at })) return;
	const before = getCourseProgress(userId, item.courseId)!;
	const current = before.modules
		.flatMap((module) => module.items)
		.find((entry) => entry.item.id === itemId);
	if ((kind === 'completed') === current?.complete) return;
	insertCompletionEvent({ userId, courseId: item.courseId, itemId, kind, source, at });
	if (kind === 'completed') notifyIfCourseCompleted(userId, item.courseId, before.isComplete);
}

/** Idempotent: completing an item that is already complete records nothing. */
export function recordCompletion(userId: string, itemId: string, source: CompletionSource): void {
	changeCompletion(userId, itemId, 'completed', source);
}

export function recordUncompletion(userId: string, itemId: string, source: CompletionSource): void {
	changeCompletion(userId, itemId, 'uncompleted', source);
}

const unlocksForLearner = preparedQuery((db) =>
	db
		.select({ moduleId: moduleUnlocks.moduleId })
		.from(moduleUnlocks)
		.where(
			and(
				eq(moduleUnlocks.cohortId, sql.placeholder('cohortId')),
				or(isNull(moduleUnlocks.userId), eq(moduleUnlocks.userId, sql.placeholder('userId')))
			)
		)
		.prepare()
);

function unlockedModules(cohortId: string | null, userId: string): Set<string> {
	if (!cohortId) return new Set();
	const rows = unlocksForLearner().all({ cohortId, userId });
	return new Set(rows.map((row) => row.moduleId));
}

/** Trainers and admins read everything; learners need an enrolment and an open module. */
export function getModuleAccess(
	user: SessionUser,
	courseId: string,
	moduleId: string
): ModuleAccess {
	return courseStanding(user, courseId).accessTo(moduleId);
}

const readsEverything = (): ModuleAccess => ({ open: true });
const notEnrolled = (): ModuleAccess => ({ open: false, reason: 'not_enrolled' });

/** Module access of an enrolled learner, from their progress; unlocks read when first asked. */
function enrolmentAccess(
	enrolment: Enrolment,
	progress: CourseProgress | undefined
): (moduleId: string) => ModuleAccess {
	if (!progress) return notEnrolled;
	let unlocked: Set<string> | undefined;
	return (moduleId) =>
		deriveModuleAccess(
			progress,
			moduleId,
			(unlocked ??= unlockedModules(enrolment.cohortId, enrolment.userId))
		);
}

/** What a course page needs of its reader, read once per request and passed along. */
export interface CourseStanding {
	/** The learner's enrolment; undefined for staff and for learners not enrolled. */
	enrolment: Enrolment | undefined;
	/** Derived for enrolled learners only. */
	progress: CourseProgress | undefined;
	accessTo: (moduleId: string) => ModuleAccess;
}

/** Enrolment, progress and module access of one reader in one course (staff read everything). */
export function courseStanding(user: SessionUser, courseId: string): CourseStanding {
	if (user.role !== 'learner') {
		return { enrolment: undefined, progress: undefined, accessTo: readsEverything };
	}
	const enrolment = getEnrolment(user.id, courseId);
	if (!enrolment) return { enrolment, progress: undefined, accessTo: notEnrolled };
	return enrolledStanding(enrolment);
}

/** courseStanding of a learner whose enrolment the caller has read already. */
export function enrolledStanding(enrolment: Enrolment): CourseStanding {
	const progress = enrolmentProgress(enrolment);
	return { enrolment, progress, accessTo: enrolmentAccess(enrolment, progress) };
}
