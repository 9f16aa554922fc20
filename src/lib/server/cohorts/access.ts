import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db';
import { cohorts, cohortTrainers, enrolments, users } from '../db/schema';
import { m } from '$lib/paraglide/messages.js';
import { getCourse } from '../content';
import { inCohortPeriod, type CohortPeriod } from './periods';

/** Cohorts a user may manage: admins all, trainers those they are assigned to; or one period of them. */
export function listManagedCohorts(user: SessionUser, period?: CohortPeriod) {
	const db = getDb();
	const columns = { id: cohorts.id, name: cohorts.name, courseId: cohorts.courseId };
	const inPeriod = period ? inCohortPeriod(period) : undefined;
	if (user.role === 'admin')
		return db.select(columns).from(cohorts).where(inPeriod).orderBy(asc(cohorts.name)).all();
	if (user.role !== 'trainer') return [];
	return db
		.select(columns)
		.from(cohorts)
		.innerJoin(cohortTrainers, eq(cohortTrainers.cohortId, cohorts.id))
		.where(and(eq(cohortTrainers.userId, user.id), inPeriod))
		.orderBy(asc(cohorts.name))
		.all();
}

/**
 * The managed cohorts as choices for a select or checkbox list. The label names the course too:
 * cohorts of different courses may share a name, and two identical entries cannot be told apart.
 */
export function listManagedCohortChoices(user: SessionUser, period?: CohortPeriod) {
	return listManagedCohorts(user, period).map(({ id, name, courseId }) => ({
		id,
		name,
		courseId,
		label: m.cohorts_option_label({ name, course: getCourse(courseId)?.title ?? courseId })
	}));
}

export function canManageCohort(user: Pick<SessionUser, 'id' | 'role'>, cohortId: string): boolean {
	const db = getDb();
	if (user.role === 'admin') {
		return !!db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, cohortId)).get();
	}
	if (user.role !== 'trainer') return false;
	const row = db
		.select({ id: cohortTrainers.cohortId })
		.from(cohortTrainers)
		.where(and(eq(cohortTrainers.cohortId, cohortId), eq(cohortTrainers.userId, user.id)))
		.get();
	return !!row;
}

/**
 * Trainers of a course are the trainers of at least one of its cohorts; admins count for
 * every course. They read the course's trainer material.
 */
export function isCourseTrainer(user: Pick<SessionUser, 'id' | 'role'>, courseId: string): boolean {
	if (user.role === 'admin') return true;
	if (user.role !== 'trainer') return false;
	const row = getDb()
		.select({ id: cohorts.id })
		.from(cohorts)
		.innerJoin(cohortTrainers, eq(cohortTrainers.cohortId, cohorts.id))
		.where(and(eq(cohorts.courseId, courseId), eq(cohortTrainers.userId, user.id)))
		.get();
	return !!row;
}

/**
 * Staff who may decide about a learner's requests (mentoring, Hospitation): admins for everyone,
 * trainers for the learners of the cohorts they lead.
 */
export function leadsLearner(user: Pick<SessionUser, 'id' | 'role'>, learnerId: string): boolean {
	if (user.role === 'admin') return true;
	if (user.role !== 'trainer') return false;
	const row = getDb()
		.select({ id: enrolments.id })
		.from(enrolments)
		.innerJoin(cohortTrainers, eq(cohortTrainers.cohortId, enrolments.cohortId))
		.where(and(eq(enrolments.userId, learnerId), eq(cohortTrainers.userId, user.id)))
		.get();
	return !!row;
}

/**
 * The staff assigned to the learner's cohorts, with active accounts: those for whom leadsLearner
 * holds, leaving out admins who lead no cohort of the learner. Told about the learner's requests.
 */
export function trainersLeading(learnerId: string): string[] {
	return getDb()
		.selectDistinct({ id: users.id })
		.from(enrolments)
		.innerJoin(cohortTrainers, eq(cohortTrainers.cohortId, enrolments.cohortId))
		.innerJoin(users, eq(users.id, cohortTrainers.userId))
		.where(
			and(
				eq(enrolments.userId, learnerId),
				inArray(users.role, ['trainer', 'admin']),
				eq(users.active, true),
				isNull(users.erasedAt)
			)
		)
		.all()
		.map((row) => row.id);
}

/**
 * Who is told about a learner's new request (mentoring, Hospitation): the trainers leading the
 * learner's cohorts, or the active admins when nobody leads one (self-paced learners).
 */
export function decidersFor(learnerId: string): string[] {
	const leaders = trainersLeading(learnerId);
	const deciders = leaders.length ? leaders : activeAdmins();
	return deciders.filter((id) => id !== learnerId);
}

function activeAdmins(): string[] {
	return getDb()
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'admin'), eq(users.active, true), isNull(users.erasedAt)))
		.all()
		.map((row) => row.id);
}
