import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { countsTowardCompletion } from '$lib/content/types';
import { enrol } from '../cohorts/enrolment';
import { getCourse } from '../content';
import { getDb } from '../db';
import { completionEvents, users } from '../db/schema';
import { insertTrainerCohort, useFreshDatabase } from '$test/unit/test-database';
import { deriveModuleCounts } from './derive';
import { insertCompletionEvent, type CompletionEvent } from './events';
import { moduleCompletion, cellStatus } from './matrix';
import { loadCohortRecords } from './report';
import { getCohortSummary } from './summary-page';

// The summary counts complete items in the database: the same figures as deriving every
// learner from their whole event log, as it did before.

const COURSE = 'probe-digital';
const LEARNERS = 40;

beforeAll(() => {
	useFreshDatabase();
	insertTrainerCohort(COURSE);
	const db = getDb();
	const course = getCourse(COURSE)!;
	const required = course.modules.flatMap((m) => m.items).filter(countsTowardCompletion);
	const assignment = required.find((item) => item.type === 'assignment')!;
	const start = Date.UTC(2026, 2, 27, 20);
	for (let i = 0; i < LEARNERS; i += 1) {
		const id = `learner${i}`;
		db.insert(users)
			.values({ id, email: `${id}@example.org`, name: `Person ${i}`, passwordHash: 'x' })
			.run();
		enrol(id, COURSE, 'cohort');
		const event = (
			n: number,
			itemId: string,
			kind: CompletionEvent['kind'],
			source: CompletionEvent['source'],
			courseId = COURSE
		) =>
			insertCompletionEvent({
				userId: id,
				courseId,
				itemId,
				kind,
				source,
				at: new Date(start + (i + n) * 5 * 3_600_000)
			});
		// Whole modules for some, a few items for others, everything for every seventh.
		const reach = i % 7 === 0 ? required.length : (i * 5) % required.length;
		required.slice(0, reach).forEach((item, n) => {
			const source = item.type === 'assignment' ? 'assignment_accepted' : 'lesson_marked';
			event(n, item.id, 'completed', source);
		});
		// Undone (and for some redone), a completing submit of a required assignment, and work
		// in another course: none may count differently from the derivation.
		if (i % 3 === 1) event(reach, required[0]!.id, 'uncompleted', 'lesson_marked');
		if (i % 6 === 1) event(reach + 1, required[0]!.id, 'completed', 'trainer');
		if (i % 4 === 2) event(reach, assignment.id, 'completed', 'assignment_submitted');
		if (i % 5 === 3) event(reach, required[1]!.id, 'completed', 'lesson_marked', 'probe-ikbo');
		// An item since removed from the course counts for no module.
		if (i % 8 === 5) event(reach, `${COURSE}/entfernt/alte-lektion`, 'completed', 'lesson_marked');
	}
});

/** The module figures and complete learners from deriving each learner's whole event log. */
function derivedFigures() {
	const records = loadCohortRecords('cohort')!;
	const rows = records.perLearner.map((own) => {
		const modules = deriveModuleCounts(records.course, own.events);
		return {
			cells: modules.map((module) => cellStatus(module, own.submissions, own.started)),
			isComplete: modules.every((module) => module.complete)
		};
	});
	const expected = moduleCompletion(rows, records.course.modules.length);
	return {
		modules: records.course.modules.map((m, index) => ({
			id: m.id,
			title: m.title,
			...expected[index]
		})),
		completeLearners: rows.filter((row) => row.isComplete).length,
		expected
	};
}

describe('getCohortSummary', () => {
	it('gives the module figures that deriving each learner from all events gives', () => {
		const { modules, completeLearners, expected } = derivedFigures();
		const summary = getCohortSummary('cohort', (day) => day)!;
		expect(summary.learners).toBe(LEARNERS);
		expect(summary.modules).toEqual(modules);
		expect(summary.completeLearners).toBe(completeLearners);
		// The fixture reaches every state the summary counts.
		expect(summary.completeLearners).toBeGreaterThan(0);
		expect(expected.some((module) => module.in_progress > 0 && module.complete > 0)).toBe(true);
		expect(summary.timeline.length).toBeGreaterThan(5);
	});

	it('follows new and deleted events after a first call (the counts are kept per learner)', () => {
		const first = getCohortSummary('cohort', (day) => day)!;
		const course = getCourse(COURSE)!;
		const required = course.modules.flatMap((m) => m.items).filter(countsTowardCompletion);
		// learner1 completes everything; learner7 (complete) loses their events of the course.
		for (const item of required) {
			insertCompletionEvent({
				userId: 'learner1',
				courseId: COURSE,
				itemId: item.id,
				kind: 'completed',
				source: 'trainer',
				at: new Date(Date.UTC(2026, 5, 1))
			});
		}
		getDb()
			.delete(completionEvents)
			.where(and(eq(completionEvents.userId, 'learner7'), eq(completionEvents.courseId, COURSE)))
			.run();

		const { modules, completeLearners } = derivedFigures();
		const second = getCohortSummary('cohort', (day) => day)!;
		expect(second.modules).toEqual(modules);
		expect(second.completeLearners).toBe(completeLearners);
		expect(second.modules).not.toEqual(first.modules);
		expect(second.timeline.at(-1)).not.toEqual(first.timeline.at(-1));
	});

	it('is undefined for an unknown cohort', () => {
		expect(getCohortSummary('nope', (day) => day)).toBeUndefined();
	});
});
