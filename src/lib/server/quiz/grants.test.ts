import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session';
import { getQuiz } from '../content';
import { courseView } from '../course-pages';
import { liveContent, publishContent } from '../content/store';
import { getDb, schema } from '../db';
import { eraseCohortData } from '../privacy/cohort-erase';
import { COURSE, person, twoCohorts } from '$test/unit/assignment-helpers';
import { rightSheet } from '$test/unit/test-quiz';
import { attemptsLeft, grantedAttempts, startAttempt, submitAttempt } from './attempts';
import { attemptStandings, grantExtraAttempt, mayGrantAttempts } from './grants';

const QUIZ_ID = `${COURSE}/rolle-und-auftrag/wissenscheck`;
const OTHER_COURSE_QUIZ = 'probe-digital/informationen-und-daten/wissenscheck';

let people: Awaited<ReturnType<typeof twoCohorts>>;
beforeEach(async () => {
	people = await twoCohorts();
});

/** Starts and submits one attempt; `right` answers everything correctly. */
function takeQuiz(learner: SessionUser, right = false) {
	const quiz = getQuiz(QUIZ_ID)!;
	const started = startAttempt({ userId: learner.id, quiz, courseId: COURSE, cohortId: null });
	if (!started.ok) return started;
	submitAttempt(started.attemptId, learner.id, right ? rightSheet(quiz, started.attemptId) : {});
	return started;
}

function useUpAttempts(learner: SessionUser) {
	for (let i = 0; i < 3; i++) expect(takeQuiz(learner).ok).toBe(true);
}

/** The quiz as the learner's course page lists it. */
const listed = (learner: SessionUser) =>
	courseView(learner, COURSE)!
		.modules.flatMap((module) => module.items)
		.find((item) => item.id === QUIZ_ID)!;

const grant = (actor: SessionUser, learner: SessionUser, quizId = QUIZ_ID) =>
	grantExtraAttempt({ actor, learnerId: learner.id, courseId: COURSE, quizId });

describe('extra quiz attempts', () => {
	it('are counted as attempts left', () => {
		expect(attemptsLeft(3, 3)).toBe(0);
		expect(attemptsLeft(3, 3, 1)).toBe(1);
		expect(attemptsLeft(3, 4, 1)).toBe(0);
		expect(attemptsLeft('unlimited', 9, 1)).toBe('unlimited');
	});

	it('let a learner who used up all attempts start one more, and only one', () => {
		const { learnerA, trainer1 } = people;
		useUpAttempts(learnerA);
		expect(takeQuiz(learnerA)).toEqual({ ok: false, reason: 'limit' });
		expect(listed(learnerA)).toMatchObject({ done: false, usedUp: true });
		expect(attemptStandings(learnerA.id, [QUIZ_ID])[QUIZ_ID]).toEqual({
			used: 3,
			allowed: 3,
			passed: false,
			usedUp: true
		});

		expect(grant(trainer1, learnerA)).toEqual({ ok: true, title: expect.any(String) });
		expect(grantedAttempts(learnerA.id, QUIZ_ID)).toBe(1);
		expect(listed(learnerA).usedUp).toBe(false);
		expect(attemptStandings(learnerA.id, [QUIZ_ID])[QUIZ_ID]).toMatchObject({
			allowed: 4,
			usedUp: false
		});
		// A resent form grants nothing more while the extra attempt is unused.
		expect(grant(trainer1, learnerA)).toEqual({ ok: false, reason: 'attempts_left' });
		expect(takeQuiz(learnerA).ok).toBe(true);
		expect(takeQuiz(learnerA)).toEqual({ ok: false, reason: 'limit' });
	});

	it('may be allowed by trainers of the learner’s cohort and admins, nobody else', async () => {
		const { learnerA, learnerB, trainer1, trainer2, admin } = people;
		expect(mayGrantAttempts(trainer1, learnerA.id, COURSE)).toBe(true);
		expect(mayGrantAttempts(admin, learnerA.id, COURSE)).toBe(true);
		expect(mayGrantAttempts(trainer2, learnerA.id, COURSE)).toBe(false);
		expect(mayGrantAttempts(learnerB, learnerA.id, COURSE)).toBe(false);
		expect(mayGrantAttempts(learnerA, learnerA.id, COURSE)).toBe(false);
		// Not enrolled in that course: not even an admin.
		expect(mayGrantAttempts(admin, learnerA.id, 'probe-digital')).toBe(false);
		const unassigned = await person('t3@x.org', 'trainer');
		expect(mayGrantAttempts(unassigned, learnerA.id, COURSE)).toBe(false);

		useUpAttempts(learnerA);
		expect(grant(trainer2, learnerA)).toEqual({ ok: false, reason: 'not_allowed' });
		expect(grant(learnerA, learnerA)).toEqual({ ok: false, reason: 'not_allowed' });
		expect(grantedAttempts(learnerA.id, QUIZ_ID)).toBe(0);
		expect(grant(admin, learnerA).ok).toBe(true);
	});

	it('are refused for unknown quizzes, other courses’ quizzes, unused or passed ones', () => {
		const { learnerA, trainer1 } = people;
		expect(grant(trainer1, learnerA, `${COURSE}/rolle-und-auftrag/gibt-es-nicht`)).toEqual({
			ok: false,
			reason: 'unknown_quiz'
		});
		expect(grant(trainer1, learnerA, `${COURSE}/rolle-und-auftrag`)).toEqual({
			ok: false,
			reason: 'unknown_quiz'
		});
		expect(grant(trainer1, learnerA, OTHER_COURSE_QUIZ)).toEqual({
			ok: false,
			reason: 'unknown_quiz'
		});
		expect(grant(trainer1, learnerA)).toEqual({ ok: false, reason: 'attempts_left' });
		takeQuiz(learnerA);
		takeQuiz(learnerA);
		expect(takeQuiz(learnerA, true).ok).toBe(true);
		expect(grant(trainer1, learnerA)).toEqual({ ok: false, reason: 'passed' });
		expect(getDb().select().from(schema.quizAttemptGrants).all()).toEqual([]);
	});

	it('are refused for quizzes without an attempt limit', () => {
		const { learnerA, trainer1 } = people;
		const live = liveContent()!;
		const quizById = new Map(live.index.quizById);
		quizById.set(QUIZ_ID, { ...getQuiz(QUIZ_ID)!, attempts: 'unlimited' });
		publishContent({ ...live, index: { ...live.index, quizById } });
		try {
			expect(grant(trainer1, learnerA)).toEqual({ ok: false, reason: 'unlimited' });
			expect(attemptStandings(learnerA.id, [QUIZ_ID])).toEqual({});
		} finally {
			publishContent(live);
		}
	});

	it('leave an audit entry naming who allowed it, for whom and which quiz', () => {
		const { learnerA, trainer1 } = people;
		useUpAttempts(learnerA);
		grant(trainer1, learnerA);
		const entries = getDb()
			.select()
			.from(schema.auditLog)
			.where(eq(schema.auditLog.action, 'quiz.attempt_granted'))
			.all();
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			actorId: trainer1.id,
			objectType: 'quiz',
			objectId: QUIZ_ID,
			subjectUserId: learnerA.id,
			details: { cohortId: 'cohort1', attemptsUsed: 3 }
		});
	});

	it('go with the learner’s data of the cohort when its retention period ends', async () => {
		const { learnerA, trainer1 } = people;
		useUpAttempts(learnerA);
		grant(trainer1, learnerA);
		expect(await eraseCohortData('cohort1', learnerA.id)).toBe(true);
		expect(grantedAttempts(learnerA.id, QUIZ_ID)).toBe(0);
	});
});
