import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getQuiz } from '../content';
import { quizAttempts, quizSnapshots, users } from '../db/schema';
import { getAttempt, saveAnswers, startAttempt, submitAttempt } from './attempts';
import { purgeUnusedQuizSnapshots } from './snapshots';
import { useFreshDatabase } from '$test/unit/test-database';
import { rightSheet } from '$test/unit/test-quiz';

const db = useFreshDatabase();
const COURSE_ID = 'probe-digital';
const quiz = () => getQuiz(`${COURSE_ID}/informationen-und-daten/wissenscheck`)!;

function learner(id: string) {
	db.insert(users)
		.values({ id, email: `${id}@example.org`, name: id, passwordHash: 'x', role: 'learner' })
		.run();
	return id;
}

function start(userId: string, version = quiz()) {
	const started = startAttempt({ userId, quiz: version, courseId: COURSE_ID, cohortId: null });
	if (!started.ok) throw new Error('not started');
	return started.attemptId;
}

const snapshotCount = () => db.select({ n: count() }).from(quizSnapshots).get()!.n;

describe('quiz snapshots', () => {
	it('are stored once per quiz version, however many attempts start on it', () => {
		const before = snapshotCount();
		start(learner('s1'));
		start(learner('s2'));
		expect(snapshotCount()).toBe(before + 1);
		const changed = { ...quiz(), title: 'Neuer Titel', contentHash: 'anders' };
		const third = start(learner('s3'), changed);
		expect(snapshotCount()).toBe(before + 2);
		expect(getAttempt(third)?.quiz.title).toBe('Neuer Titel');
	});

	it('give each attempt the quiz as it started, after answers are saved and submitted', () => {
		const userId = learner('s4');
		const attemptId = start(userId);
		const attempt = getAttempt(attemptId)!;
		expect(attempt.quiz).toEqual(quiz());
		saveAnswers(attemptId, userId, {});
		submitAttempt(attemptId, userId, rightSheet(attempt.quiz, attemptId));
		expect(getAttempt(attemptId)!.quiz).toEqual(quiz());
	});

	it('are frozen, so no caller can change the copy other attempts share', () => {
		const attemptId = start(learner('s5'));
		const shared = getAttempt(attemptId)!.quiz;
		expect(() => {
			(shared as { title: string }).title = 'verändert';
		}).toThrow(TypeError);
		expect(() => (shared.questions as unknown[]).pop()).toThrow(TypeError);
	});

	it('keep no submitted answers: a submit rewrites only the small attempt row', () => {
		const userId = learner('s6');
		const attemptId = start(userId);
		const attempt = getAttempt(attemptId)!;
		submitAttempt(attemptId, userId, rightSheet(attempt.quiz, attemptId));
		const row = db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId)).get()!;
		expect(JSON.stringify(row).length).toBeLessThan(JSON.stringify(attempt.quiz).length);
	});

	it('no attempt refers to any more are purged; those in use stay', () => {
		const kept = start(learner('s7'));
		const gone = learner('s8');
		start(gone, { ...quiz(), title: 'Nur für s8', contentHash: 'nur-s8' });
		const before = snapshotCount();
		// Deleting the person deletes their attempts (as the deletion of a test account does).
		db.delete(users).where(eq(users.id, gone)).run();
		expect(purgeUnusedQuizSnapshots()).toBe(1);
		expect(snapshotCount()).toBe(before - 1);
		expect(getAttempt(kept)?.quiz).toEqual(quiz());
	});
});
