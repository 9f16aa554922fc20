import { beforeAll, describe, expect, it } from 'vitest';
import { enrol } from '../cohorts/enrolment';
import { getCourse } from '../content';
import { getDb } from '../db';
import { storeQuizSnapshot } from '../quiz/snapshots';
import { cohorts, quizAttempts, submissions, users } from '../db/schema';
import { useFreshDatabase } from '$test/unit/test-database';
import { loadLearnerDetail } from './detail';
import { recordCompletion } from './index';
import { buildMatrixRows } from './matrix';
import { loadCohortReport } from './report';
import { emptyLayout, placeholderQuiz } from '$test/stored-json';

const SEQ = 'probe-ikbo';
const now = new Date('2026-03-10T10:00:00Z');

beforeAll(() => {
	useFreshDatabase();
	const db = getDb();
	db.insert(users)
		.values([
			{ id: 'trainer', email: 't@example.org', name: 'T', passwordHash: 'x', role: 'trainer' },
			{ id: 'anna', email: 'anna@example.org', name: 'Anna', passwordHash: 'x' },
			{ id: 'bert', email: 'bert@example.org', name: 'Bert', passwordHash: 'x' },
			{ id: 'other', email: 'o@example.org', name: 'Other', passwordHash: 'x' }
		])
		.run();
	db.insert(cohorts)
		.values([
			{ id: 'cohort1', courseId: SEQ, name: 'K1', createdBy: 'trainer' },
			{ id: 'cohort2', courseId: SEQ, name: 'K2', createdBy: 'trainer' }
		])
		.run();
	enrol('anna', SEQ, 'cohort1');
	enrol('bert', SEQ, 'cohort1');
	enrol('other', SEQ, 'cohort2');
	const m1 = getCourse(SEQ)!.modules[0]!;
	for (const item of m1.items) {
		if (item.type === 'lesson') recordCompletion('anna', item.id, 'lesson_marked');
		if (item.type === 'lesson') recordCompletion('other', item.id, 'lesson_marked');
	}
	const quiz = m1.items.find((item) => item.type === 'quiz')!;
	const assignment = m1.items.find((item) => item.type === 'assignment')!;
	const attempt = (id: string, score: number, passed: boolean) => ({
		id,
		userId: 'anna',
		courseId: SEQ,
		quizId: quiz.id,
		cohortId: 'cohort1',
		contentHash: 'h',
		snapshotId: storeQuizSnapshot(placeholderQuiz),
		layout: emptyLayout,
		status: 'submitted' as const,
		score,
		passed,
		startedAt: now,
		submittedAt: now
	});
	db.insert(quizAttempts)
		.values([attempt('a1', 40, false), attempt('a2', 90, true)])
		.run();
	recordCompletion('anna', quiz.id, 'quiz_passed');
	db.insert(submissions)
		.values({
			id: 's1',
			userId: 'anna',
			courseId: SEQ,
			itemId: assignment.id,
			cohortId: 'cohort1',
			status: 'submitted',
			updatedAt: now
		})
		.run();
});

describe('loadCohortReport', () => {
	it('loads only the cohort’s learners with derived matrix cells', () => {
		const report = loadCohortReport('cohort1')!;
		expect(report.learners.map((learner) => learner.name)).toEqual(['Anna', 'Bert']);
		const rows = buildMatrixRows(report.states);
		expect(rows[0]!.cells[0]).toBe('waiting_for_review');
		expect(rows[1]!.cells.every((cell) => cell === 'not_started')).toBe(true);
		expect(report.attempts).toHaveLength(2);
	});

	it('is undefined for an unknown cohort', () => {
		expect(loadCohortReport('nope')).toBeUndefined();
	});
});

describe('loadLearnerDetail', () => {
	it('shows every item, attempts, submissions and the timeline, newest first', () => {
		const detail = loadLearnerDetail('cohort1', 'anna')!;
		const items = detail.modules[0]!.items;
		expect(items.map((item) => item.complete)).toEqual([true, true, true, false]);
		expect(items[2]).toMatchObject({ type: 'quiz', attempts: 2, bestScore: 90 });
		expect(items[3]).toMatchObject({ type: 'assignment', submission: 'submitted' });
		expect(detail.attempts.map((attempt) => attempt.score)).toEqual([40, 90]);
		expect(detail.timeline).toHaveLength(3);
		expect(detail.timeline[0]!.source).toBe('quiz_passed');
		expect(detail.cohort.name).toBe('K1');
	});

	it('refuses a learner of another cohort', () => {
		expect(loadLearnerDetail('cohort1', 'other')).toBeUndefined();
		expect(loadLearnerDetail('cohort1', 'trainer')).toBeUndefined();
	});
});
