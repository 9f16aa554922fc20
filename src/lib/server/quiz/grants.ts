import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/session';
import { recordAudit } from '../audit';
import { canManageCohort } from '../cohorts/access';
import { getEnrolment } from '../cohorts/enrolment';
import { getItem, getQuiz } from '../content';
import { generateId } from '../crypto/tokens';
import { getDb, type Db } from '../db';
import { quizAttemptGrants, quizAttempts } from '../db/schema';
import { attemptsLeft, grantedAttempts } from './attempts';

type Actor = Pick<SessionUser, 'id' | 'role'>;

/** Where a learner stands with a quiz's attempts, as trainers see it. */
export interface AttemptStanding {
	used: number;
	/** The quiz's limit plus granted attempts. */
	allowed: number | 'unlimited';
	passed: boolean;
	/** No attempt left, none open, not passed: only another attempt granted helps. */
	usedUp: boolean;
}

function standingOf(
	userId: string,
	quizId: string,
	limit: number | 'unlimited',
	db: Pick<Db, 'select'> = getDb()
): AttemptStanding {
	const attempts = db
		.select({ status: quizAttempts.status, passed: quizAttempts.passed })
		.from(quizAttempts)
		.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.quizId, quizId)))
		.all();
	const granted = grantedAttempts(userId, quizId, db);
	const passed = attempts.some((attempt) => attempt.passed);
	const open = attempts.some((attempt) => attempt.status === 'open');
	return {
		used: attempts.length,
		allowed: limit === 'unlimited' ? limit : limit + granted,
		passed,
		usedUp: !passed && !open && attemptsLeft(limit, attempts.length, granted) === 0
	};
}

/** The learner's standing with each of the given quizzes that limits its attempts. */
export function attemptStandings(
	userId: string,
	quizIds: string[]
): Record<string, AttemptStanding> {
	const standings: Record<string, AttemptStanding> = {};
	for (const quizId of quizIds) {
		const quiz = getQuiz(quizId);
		if (quiz && quiz.attempts !== 'unlimited') {
			standings[quizId] = standingOf(userId, quizId, quiz.attempts);
		}
	}
	return standings;
}

/**
 * Who may allow a learner more attempts at a course's quizzes: admins, and trainers of the
 * cohort the learner is enrolled in for that course (not trainers of the learner's other cohorts).
 */
export function mayGrantAttempts(actor: Actor, learnerId: string, courseId: string): boolean {
	const enrolment = getEnrolment(learnerId, courseId);
	if (!enrolment) return false;
	if (actor.role === 'admin') return true;
	return enrolment.cohortId !== null && canManageCohort(actor, enrolment.cohortId);
}

export type GrantRefusal =
	'not_allowed' | 'unknown_quiz' | 'unlimited' | 'attempts_left' | 'passed';

export type GrantResult = { ok: true; title: string } | { ok: false; reason: GrantRefusal };

/**
 * Allows one more attempt at a quiz of `courseId` whose attempts the learner has used up.
 * Refused while an attempt is left or open (a resent form grants once), once passed, and for
 * quizzes without a limit.
 */
export function grantExtraAttempt(input: {
	actor: Actor;
	learnerId: string;
	courseId: string;
	quizId: string;
}): GrantResult {
	const { actor, learnerId, quizId } = input;
	const item = getItem(quizId);
	const quiz = item?.type === 'quiz' ? getQuiz(quizId) : undefined;
	if (!item || !quiz || item.courseId !== input.courseId) {
		return { ok: false, reason: 'unknown_quiz' };
	}
	if (!mayGrantAttempts(actor, learnerId, item.courseId))
		return { ok: false, reason: 'not_allowed' };
	const limit = quiz.attempts;
	if (limit === 'unlimited') return { ok: false, reason: 'unlimited' };
	const cohortId = getEnrolment(learnerId, item.courseId)?.cohortId ?? null;
	return getDb().transaction(
		(tx): GrantResult => {
			const standing = standingOf(learnerId, quizId, limit, tx);
			if (standing.passed) return { ok: false, reason: 'passed' };
			if (!standing.usedUp) return { ok: false, reason: 'attempts_left' };
			const id = generateId();
			tx.insert(quizAttemptGrants)
				.values({
					id,
					userId: learnerId,
					courseId: item.courseId,
					quizId,
					cohortId,
					grantedBy: actor.id
				})
				.run();
			recordAudit(
				{
					actorId: actor.id,
					action: 'quiz.attempt_granted',
					objectType: 'quiz',
					objectId: quizId,
					subjectUserId: learnerId,
					details: { grantId: id, cohortId, attemptsUsed: standing.used }
				},
				tx
			);
			return { ok: true, title: item.title };
		},
		// IMMEDIATE: two trainers clicking at once grant one attempt, not two.
		{ behavior: 'immediate' }
	);
}
