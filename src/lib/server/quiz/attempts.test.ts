import { beforeEach, describe, expect, it } from 'vitest';
import { getQuiz } from '../content';
import { useFreshDatabase } from '$test/unit/test-database';
import { cohorts, cohortTrainers, users } from '../db/schema';
import { getCourseProgress } from '../progress';
import { getAttempt, listAttempts, saveAnswers, startAttempt, submitAttempt } from './attempts';
import { gradeAttempt } from './grading';
import { attemptResult } from './result';
import { getQuizStats } from './stats';
import { rightSheet, sampleQuiz } from '$test/unit/test-quiz';

const db = useFreshDatabase();
let counter = 0;

function newUser(role: 'learner' | 'trainer' = 'learner') {
	counter += 1;
	const id = `user${counter}`;
	db.insert(users)
		.values({ id, email: `${id}@example.org`, name: id, passwordHash: 'x', role })
		.run();
	return id;
}

const COURSE_ID = 'probe-digital';
const QUIZ_ID = `${COURSE_ID}/informationen-und-daten/wissenscheck`;
const realQuiz = () => getQuiz(QUIZ_ID)!;

/** An attempt at the fixture quiz, outside any cohort. */
function startRealAttempt(userId: string) {
	const quiz = realQuiz();
	const started = startAttempt({ userId, quiz, courseId: COURSE_ID, cohortId: null });
	if (!started.ok) throw new Error('not started');
	return { quiz, attemptId: started.attemptId };
}

describe('quiz attempts', () => {
	let userId: string;
	beforeEach(() => {
		userId = newUser();
	});

	it('finds the fixture quiz', () => {
		expect(realQuiz().attempts).toBe(3);
	});

	it('keeps the answer key out of a failed attempt’s result while attempts remain', () => {
		const quiz = realQuiz();
		const input = { userId, quiz, courseId: COURSE_ID, cohortId: null };
		const resultOf = (attemptId: string) => {
			const attempt = getAttempt(attemptId)!;
			return attemptResult({ ...attempt, result: attempt.result! });
		};
		const first = startAttempt(input);
		if (!first.ok) throw new Error('start');
		submitAttempt(first.attemptId, userId, {});
		const failed = resultOf(first.attemptId);
		expect(failed.answers).toBe('later');
		expect(JSON.stringify(failed.questions)).not.toMatch(/"correct"|"answers"/);

		const second = startAttempt(input);
		if (!second.ok) throw new Error('start');
		submitAttempt(second.attemptId, userId, rightSheet(quiz, second.attemptId));
		// Passed: now the first attempt's page may show the key too.
		expect(resultOf(first.attemptId).answers).toBe('shown');
		expect(JSON.stringify(resultOf(first.attemptId).questions)).toContain('"correct":true');
	});

	it('resumes the open attempt instead of starting another', () => {
		const input = { userId, quiz: realQuiz(), courseId: COURSE_ID, cohortId: null };
		const first = startAttempt(input);
		expect(first).toMatchObject({ ok: true, resumed: false });
		const again = startAttempt(input);
		expect(again).toEqual({ ok: true, attemptId: first.ok && first.attemptId, resumed: true });
		expect(listAttempts(userId, QUIZ_ID)).toHaveLength(1);
	});

	it('keeps saved answers and the same layout', () => {
		const started = startAttempt({
			userId,
			quiz: realQuiz(),
			courseId: COURSE_ID,
			cohortId: null
		});
		if (!started.ok) throw new Error('not started');
		const layout = getAttempt(started.attemptId)!.layout;
		expect(saveAnswers(started.attemptId, userId, { 'anzahl-bereiche': ['o1'] })).toBe(true);
		expect(saveAnswers(started.attemptId, 'someone-else', {})).toBe(false);
		const stored = getAttempt(started.attemptId)!;
		expect(stored.answers).toEqual({ 'anzahl-bereiche': ['o1'] });
		expect(stored.layout).toEqual(layout);
	});

	it('enforces the attempt limit on the server', () => {
		const quiz = realQuiz();
		const input = { userId, quiz, courseId: COURSE_ID, cohortId: null };
		for (let i = 0; i < 3; i++) {
			const started = startAttempt(input);
			if (!started.ok) throw new Error('limit too early');
			submitAttempt(started.attemptId, userId, {});
		}
		expect(startAttempt(input)).toEqual({ ok: false, reason: 'limit' });
		expect(listAttempts(userId, QUIZ_ID)).toHaveLength(3);
	});

	it('grades once: a second submit returns the stored result', () => {
		const { quiz, attemptId } = startRealAttempt(userId);
		const first = submitAttempt(attemptId, userId, {});
		expect(first).toMatchObject({ graded: true, result: { score: 0, passed: false } });
		const second = submitAttempt(attemptId, userId, rightSheet(quiz, attemptId));
		expect(second).toEqual({ graded: false, result: first!.result });
		expect(getAttempt(attemptId)).toMatchObject({
			status: 'submitted',
			score: 0,
			answers: {}
		});
		expect(submitAttempt(attemptId, newUser(), {})).toBeUndefined();
	});

	it('grades once when two submits read the open attempt before either closed it', () => {
		const { quiz, attemptId } = startRealAttempt(userId);
		const readByBoth = getAttempt(attemptId)!;
		const first = submitAttempt(attemptId, userId, {}, new Date(), readByBoth);
		const second = submitAttempt(
			attemptId,
			userId,
			rightSheet(quiz, attemptId),
			new Date(),
			readByBoth
		);
		expect(first).toMatchObject({ graded: true, result: { score: 0 } });
		expect(second).toEqual({ graded: false, result: first!.result });
		expect(getAttempt(attemptId)).toMatchObject({ score: 0, answers: {} });
	});

	it('ignores a read attempt that is not the one submitted, or someone else’s', () => {
		const { attemptId } = startRealAttempt(userId);
		const other = startRealAttempt(newUser());
		const otherRead = getAttempt(other.attemptId)!;
		expect(submitAttempt(attemptId, userId, {}, new Date(), otherRead)).toMatchObject({
			graded: true
		});
		expect(getAttempt(other.attemptId)!.status).toBe('open');
		expect(submitAttempt(other.attemptId, userId, {}, new Date(), otherRead)).toBeUndefined();
	});

	it('marks the quiz complete when passed', () => {
		const { quiz, attemptId } = startRealAttempt(userId);
		const outcome = submitAttempt(attemptId, userId, rightSheet(quiz, attemptId));
		expect(outcome?.result).toMatchObject({ score: 100, passed: true });
		const item = getCourseProgress(userId, COURSE_ID)!
			.modules.flatMap((module) => module.items)
			.find((entry) => entry.item.id === QUIZ_ID);
		expect(item?.complete).toBe(true);
	});

	it('reviews old attempts from their snapshot after the quiz changed; new ones use the new version', () => {
		const v1 = sampleQuiz({ id: 'kurs/modul/geaendert', shuffle: false });
		const old = startAttempt({ userId, quiz: v1, courseId: 'kurs', cohortId: null });
		if (!old.ok) throw new Error('not started');
		submitAttempt(old.attemptId, userId, { anmeldung: ['o2'] });

		const v2 = sampleQuiz({
			id: 'kurs/modul/geaendert',
			contentHash: 'hash-v2',
			questions: [{ ...v1.questions[0]!, id: 'neu' }]
		});
		const next = startAttempt({ userId, quiz: v2, courseId: 'kurs', cohortId: null });
		if (!next.ok) throw new Error('not started');

		const stored = getAttempt(old.attemptId)!;
		expect(stored.contentHash).toBe('hash-v1');
		expect(stored.quiz.questions).toHaveLength(5);
		expect(gradeAttempt(stored.quiz, stored.layout, stored.answers)).toEqual(stored.result);
		expect(stored.result?.score).toBe(20);
		const fresh = getAttempt(next.attemptId)!;
		expect(fresh.contentHash).toBe('hash-v2');
		expect(fresh.layout.questions.map((q) => q.id)).toEqual(['neu']);
	});
});

describe('quiz statistics', () => {
	it('counts attempts, pass rate, average score and share right per question for one cohort', () => {
		const trainer = newUser('trainer');
		db.insert(cohorts)
			.values([
				{ id: 'c1', courseId: COURSE_ID, name: 'Lehrgang 1', createdBy: trainer },
				{ id: 'c2', courseId: COURSE_ID, name: 'Lehrgang 2', createdBy: trainer }
			])
			.run();
		db.insert(cohortTrainers).values({ cohortId: 'c1', userId: trainer }).run();
		const quiz = realQuiz();
		const take = (cohortId: string, right: boolean) => {
			const learner = newUser();
			const started = startAttempt({
				userId: learner,
				quiz,
				courseId: COURSE_ID,
				cohortId
			});
			if (!started.ok) throw new Error('not started');
			submitAttempt(started.attemptId, learner, right ? rightSheet(quiz, started.attemptId) : {});
		};
		take('c1', true);
		take('c1', false);
		take('c2', true);
		const stats = getQuizStats(quiz, 'c1');
		expect(stats).toMatchObject({
			attempts: 2,
			learners: 2,
			learnersPassed: 1,
			passRate: 50,
			averageScore: 50
		});
		expect(stats.questions).toHaveLength(quiz.questions.length);
		expect(stats.questions[0]).toMatchObject({ drawn: 2, right: 1, shareRight: 50 });
		expect(stats.questions[0]!.label).toContain('DigComp');
		expect(getQuizStats(quiz, 'c2').attempts).toBe(1);
	});
});
