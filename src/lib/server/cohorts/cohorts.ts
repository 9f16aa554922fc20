import { recordAudit } from '../audit';
import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { generateId } from '../crypto/tokens';
import { getCourse } from '../content';
import { getDb } from '../db';
import { preparedQuery } from '../db/prepared';
import { cohortModules, cohortTrainers, cohorts, enrolments, users } from '../db/schema';
import { cohortNameKey } from './cohort-form';
import type { CohortDetails, CohortInput, CohortModuleInput } from './cohort-form';
import { findOrphanedAttendance, type OrphanedDays } from './attendance';
import { pageOfQuery } from '../db/paging';
import { inCohortPeriod, type CohortPeriod } from './periods';

export type { CohortDetails, CohortInput, CohortModuleInput } from './cohort-form';

export interface CohortModule extends CohortModuleInput {
	title: string;
	/** 1-based position in the course. */
	number: number;
}

export interface Cohort {
	id: string;
	name: string;
	courseId: string;
	courseTitle: string;
	followUpDate: string | null;
	createdAt: Date;
	/** Every module of the course in course order, with its dates where set. */
	modules: CohortModule[];
	trainers: { id: string; name: string; email: string }[];
}

function writeModules(cohortId: string, modules: CohortModuleInput[]) {
	const db = getDb();
	db.delete(cohortModules).where(eq(cohortModules.cohortId, cohortId)).run();
	const rows = modules
		.filter((module) => module.startsOn || module.place || module.assignmentDueOn)
		.map((module) => ({ cohortId, ...module }));
	if (rows.length) db.insert(cohortModules).values(rows).run();
}

export function createCohort(courseId: string, input: CohortInput, createdBy: string): string {
	const id = generateId();
	getDb().transaction((tx) => {
		tx.insert(cohorts)
			.values({ id, courseId, name: input.name, followUpDate: input.followUpDate, createdBy })
			.run();
		tx.insert(cohortTrainers)
			.values(input.trainerIds.map((userId) => ({ cohortId: id, userId })))
			.run();
		writeModules(id, input.modules);
	});
	return id;
}

export type UpdateCohortResult = { ok: true } | { ok: false; orphaned: OrphanedDays[] };

/**
 * Saves name and schedule, unless the schedule leaves out days with recorded attendance: those
 * records would vanish from every page, so nothing changes and the days are named instead.
 */
export function updateCohort(id: string, details: CohortDetails): UpdateCohortResult {
	return getDb().transaction(
		(tx) => {
			const orphaned = findOrphanedAttendance(id, details.modules);
			if (orphaned.length) return { ok: false, orphaned };
			tx.update(cohorts)
				.set({ name: details.name, followUpDate: details.followUpDate })
				.where(eq(cohorts.id, id))
				.run();
			writeModules(id, details.modules);
			return { ok: true };
		},
		// IMMEDIATE: attendance recorded meanwhile cannot slip between the check and the write.
		{ behavior: 'immediate' }
	);
}

/** Another cohort of the course already has this name (see cohortNameKey); `exceptId` is itself. */
export function isCohortNameTaken(courseId: string, name: string, exceptId?: string): boolean {
	const wanted = cohortNameKey(name);
	return getDb()
		.select({ id: cohorts.id, name: cohorts.name })
		.from(cohorts)
		.where(eq(cohorts.courseId, courseId))
		.all()
		.some((row) => row.id !== exceptId && cohortNameKey(row.name) === wanted);
}

// A learner's course page reads the cohort on every request.
const cohortById = preparedQuery((db) =>
	db
		.select({
			id: cohorts.id,
			name: cohorts.name,
			courseId: cohorts.courseId,
			followUpDate: cohorts.followUpDate,
			createdAt: cohorts.createdAt
		})
		.from(cohorts)
		.where(eq(cohorts.id, sql.placeholder('id')))
		.prepare()
);

const modulesOfCohort = preparedQuery((db) =>
	db
		.select()
		.from(cohortModules)
		.where(eq(cohortModules.cohortId, sql.placeholder('id')))
		.prepare()
);

const trainersOfCohort = preparedQuery((db) =>
	db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(cohortTrainers)
		.innerJoin(users, eq(users.id, cohortTrainers.userId))
		.where(eq(cohortTrainers.cohortId, sql.placeholder('id')))
		.orderBy(asc(users.name))
		.prepare()
);

export function getCohort(id: string): Cohort | undefined {
	const row = cohortById().get({ id });
	if (!row) return undefined;
	const course = getCourse(row.courseId);
	const stored = new Map(
		modulesOfCohort()
			.all({ id })
			.map((module) => [module.moduleId, module])
	);
	const modules = (course?.modules ?? []).map((module, index) => {
		const dates = stored.get(module.id);
		return {
			moduleId: module.id,
			title: module.title,
			number: index + 1,
			startsOn: dates?.startsOn ?? null,
			endsOn: dates?.endsOn ?? null,
			place: dates?.place ?? null,
			assignmentDueOn: dates?.assignmentDueOn ?? null
		};
	});
	const trainers = trainersOfCohort().all({ id });
	return { ...row, courseTitle: course?.title ?? row.courseId, modules, trainers };
}

/**
 * Accounts the actor may make trainers of a cohort: active trainers and admins. Admins choose
 * from everyone; a trainer only from themself and the people who already run a cohort with
 * them, so no trainer can list the names and addresses of all staff. (Admins add new people.)
 */
export function listTrainerCandidates(actor: SessionUser) {
	const db = getDb();
	const staff = and(inArray(users.role, ['trainer', 'admin']), eq(users.active, true));
	const colleagues = db
		.select({ id: cohortTrainers.userId })
		.from(cohortTrainers)
		.where(
			inArray(
				cohortTrainers.cohortId,
				db
					.select({ id: cohortTrainers.cohortId })
					.from(cohortTrainers)
					.where(eq(cohortTrainers.userId, actor.id))
			)
		);
	const known =
		actor.role === 'admin' ? undefined : or(eq(users.id, actor.id), inArray(users.id, colleagues));
	return db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(and(staff, known))
		.orderBy(asc(users.name))
		.all();
}

export function addTrainer(cohortId: string, userId: string): void {
	getDb().insert(cohortTrainers).values({ cohortId, userId }).onConflictDoNothing().run();
}

/** A cohort keeps at least one trainer; returns false when `userId` is the last one. */
export function removeTrainer(cohortId: string, userId: string): boolean {
	const db = getDb();
	return db.transaction(
		(tx) => {
			const n =
				tx
					.select({ n: count() })
					.from(cohortTrainers)
					.where(eq(cohortTrainers.cohortId, cohortId))
					.get()?.n ?? 0;
			if (n <= 1) return false;
			const result = tx
				.delete(cohortTrainers)
				.where(and(eq(cohortTrainers.cohortId, cohortId), eq(cohortTrainers.userId, userId)))
				.run();
			return result.changes === 1;
			// IMMEDIATE: two trainers removing each other at once cannot leave the cohort empty.
		},
		{ behavior: 'immediate' }
	);
}

export interface CohortLearner {
	id: string;
	name: string;
	email: string;
	enrolledAt: Date;
}

export function listCohortLearners(cohortId: string): CohortLearner[] {
	return getDb()
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			enrolledAt: enrolments.createdAt
		})
		.from(enrolments)
		.innerJoin(users, eq(users.id, enrolments.userId))
		.where(eq(enrolments.cohortId, cohortId))
		.orderBy(asc(users.name), asc(users.email))
		.all();
}

export function isCohortLearner(cohortId: string, userId: string): boolean {
	return !!getDb()
		.select({ id: enrolments.id })
		.from(enrolments)
		.where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, userId)))
		.get();
}

/**
 * Ends the learner's enrolment in the cohort's course. Completion events stay, so enrolling
 * again later restores the progress.
 */
export function removeLearner(
	cohortId: string,
	userId: string,
	actorId: string | null = null
): boolean {
	return getDb().transaction((tx) => {
		const result = tx
			.delete(enrolments)
			.where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, userId)))
			.run();
		if (result.changes !== 1) return false;
		recordAudit(
			{
				actorId,
				action: 'cohort.learner_removed',
				objectType: 'cohort',
				objectId: cohortId,
				subjectUserId: userId
			},
			tx
		);
		return true;
	});
}

export const COHORTS_PAGE_SIZE = 20;

/**
 * The cohorts a user manages (see access.ts) in one period, one page, with learner counts and
 * first date; `periods` counts both periods for the list's tabs.
 */
export function listManagedCohortsPage(
	user: SessionUser,
	page: number,
	period: CohortPeriod = 'current'
) {
	const periods = { current: 0, finished: 0 };
	if (user.role === 'learner') return { rows: [], total: 0, page: 1, pages: 1, periods };
	const db = getDb();
	// Admins manage every cohort; trainers those they are assigned to (as in access.ts).
	const managed =
		user.role === 'admin'
			? undefined
			: inArray(
					cohorts.id,
					db
						.select({ id: cohortTrainers.cohortId })
						.from(cohortTrainers)
						.where(eq(cohortTrainers.userId, user.id))
				);
	const countIn = (wanted: CohortPeriod) =>
		db
			.select({ n: count() })
			.from(cohorts)
			.where(and(managed, inCohortPeriod(wanted)));
	const {
		rows: slice,
		total,
		page: current,
		pages
	} = pageOfQuery(
		countIn(period),
		db
			.select({ id: cohorts.id, name: cohorts.name, courseId: cohorts.courseId })
			.from(cohorts)
			.where(and(managed, inCohortPeriod(period)))
			.orderBy(asc(cohorts.name), asc(cohorts.id)),
		page,
		COHORTS_PAGE_SIZE
	);
	periods[period] = total;
	const other = period === 'current' ? 'finished' : 'current';
	periods[other] = countIn(other).get()?.n ?? 0;
	const ids = slice.map((row) => row.id);
	const learnerCounts = new Map(
		ids.length
			? db
					.select({ cohortId: enrolments.cohortId, n: count() })
					.from(enrolments)
					.where(inArray(enrolments.cohortId, ids))
					.groupBy(enrolments.cohortId)
					.all()
					.map((row) => [row.cohortId, row.n])
			: []
	);
	const firstDays = new Map<string, string>();
	if (ids.length) {
		const dated = db
			.select({ cohortId: cohortModules.cohortId, startsOn: cohortModules.startsOn })
			.from(cohortModules)
			.where(inArray(cohortModules.cohortId, ids))
			.all();
		for (const { cohortId, startsOn } of dated) {
			const known = firstDays.get(cohortId);
			if (startsOn && (!known || startsOn < known)) firstDays.set(cohortId, startsOn);
		}
	}
	const rows = slice.map((row) => ({
		...row,
		courseTitle: getCourse(row.courseId)?.title ?? row.courseId,
		learners: learnerCounts.get(row.id) ?? 0,
		startsOn: firstDays.get(row.id) ?? null
	}));
	return { rows, total, page: current, pages, periods };
}
