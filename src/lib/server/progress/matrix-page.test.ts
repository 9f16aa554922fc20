import { beforeAll, describe, expect, it } from 'vitest';
import { enrol } from '../cohorts/enrolment';
import { getCourse } from '../content';
import { getDb } from '../db';
import { users } from '../db/schema';
import { insertTrainerCohort, useFreshDatabase } from '$test/unit/test-database';
import { insertCompletionEvent } from './events';
import { recordCompletion, recordUncompletion } from './index';
import { getCohortMatrix, MATRIX_PAGE_SIZE } from './matrix-page';

// 120 learners: the matrix shows them 50 at a time, in the order of the whole (CSV) matrix.

const COURSE = 'probe-digital';
const LEARNERS = 120;

beforeAll(() => {
	useFreshDatabase();
	insertTrainerCohort(COURSE);
	const db = getDb();
	const all = getCourse(COURSE)!.modules.flatMap((m) => m.items);
	const items = all.filter((i) => i.type === 'lesson');
	const assignment = all.find((i) => i.type === 'assignment')!;
	for (let i = 0; i < LEARNERS; i += 1) {
		// Names out of insertion order, and progress that differs between learners.
		const id = `learner${i}`;
		const name = `Person ${String((i * 37) % LEARNERS).padStart(3, '0')}`;
		db.insert(users)
			.values({ id, email: `${id}@example.org`, name, passwordHash: 'x' })
			.run();
		enrol(id, COURSE, 'cohort');
		for (const item of items.slice(0, i % 7)) recordCompletion(id, item.id, 'lesson_marked');
		// Histories the progress sort counts in the database must read as the derivation does:
		// an undone lesson, a completing submit of a required assignment, an accepted assignment.
		if (i % 5 === 1) recordUncompletion(id, items[0]!.id, 'lesson_marked');
		if (i % 3 === 0) {
			// Stored as it was when the assignment was still voluntary: a completing submit.
			const at = new Date();
			const submit = { userId: id, courseId: COURSE, itemId: assignment.id, at };
			insertCompletionEvent({ ...submit, kind: 'completed', source: 'assignment_submitted' });
		}
		if (i % 4 === 0) recordCompletion(id, assignment.id, 'assignment_accepted');
	}
});

const ids = (rows: { learner: { id: string } }[]) => rows.map((row) => row.learner.id);

describe('getCohortMatrix, a page at a time', () => {
	for (const query of [
		'',
		'richtung=ab',
		'sortierung=fortschritt&richtung=ab',
		'sortierung=modul-1'
	]) {
		it(`pages the whole matrix in its order (${query || 'default'})`, () => {
			const params = new URLSearchParams(query);
			const all = getCohortMatrix('cohort', params)!;
			expect(all.rows).toHaveLength(LEARNERS);
			const pages = [1, 2, 3].map((page) => getCohortMatrix('cohort', params, page)!);
			expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
			expect(pages.flatMap((p) => ids(p.rows))).toEqual(ids(all.rows));
			expect(pages[0]).toMatchObject({ page: 1, pages: 3, total: LEARNERS });
		});
	}

	it('shows the last page for a page beyond it', () => {
		const last = getCohortMatrix('cohort', new URLSearchParams(), 99)!;
		expect(last).toMatchObject({ page: 3, pages: 3, total: LEARNERS });
		expect(last.rows).toHaveLength(LEARNERS - 2 * MATRIX_PAGE_SIZE);
	});

	it('is undefined for an unknown cohort', () => {
		expect(getCohortMatrix('nope', new URLSearchParams(), 1)).toBeUndefined();
	});
});
