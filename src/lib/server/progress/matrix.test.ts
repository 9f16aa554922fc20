import { describe, expect, it } from 'vitest';
import { deriveCourseProgress } from './derive';
import type { CompletionEvent } from './events';
import {
	buildMatrixRows,
	cellStatus,
	moduleCompletion,
	parseMatrixSort,
	sortMatrixRows
} from './matrix';
import type { SubmissionStatus } from '$lib/submission-status';
import { makeCourse } from '$test/unit/test-course';

const course = makeCourse({
	m1: [
		['a', 'lesson'],
		['q', 'quiz'],
		['p', 'assignment']
	],
	m2: [
		['b', 'lesson'],
		['o', 'assignment', false]
	]
});
const at = new Date('2026-02-01T10:00:00Z');
const done = (item: string, source: CompletionEvent['source'] = 'lesson_marked') => ({
	itemId: `kurs/${item}`,
	kind: 'completed' as const,
	source,
	at
});
const subs = (entries: Record<string, SubmissionStatus>) =>
	new Map(Object.entries(entries).map(([id, status]) => [`kurs/${id}`, status]));
const m1 = (events: CompletionEvent[]) => deriveCourseProgress(course, events).modules[0]!;

describe('cellStatus', () => {
	it('is not started without any activity', () => {
		expect(cellStatus(m1([]), new Map())).toBe('not_started');
	});
	it('is in progress after one item, a draft or a quiz attempt', () => {
		expect(cellStatus(m1([done('m1/a')]), new Map())).toBe('in_progress');
		expect(cellStatus(m1([]), subs({ 'm1/p': 'draft' }))).toBe('in_progress');
		expect(cellStatus(m1([]), new Map(), new Set(['kurs/m1/q']))).toBe('in_progress');
	});
	it('shows a submitted assignment as waiting for review', () => {
		expect(cellStatus(m1([done('m1/a')]), subs({ 'm1/p': 'submitted' }))).toBe(
			'waiting_for_review'
		);
	});
	it('shows a requested revision', () => {
		expect(cellStatus(m1([]), subs({ 'm1/p': 'revision_requested' }))).toBe('revision_requested');
	});
	it('is complete when every item is complete, whatever the submissions say', () => {
		const events = [done('m1/a'), done('m1/q', 'quiz_passed'), done('m1/p', 'assignment_accepted')];
		expect(cellStatus(m1(events), subs({ 'm1/p': 'accepted' }))).toBe('complete');
		const optional = deriveCourseProgress(course, [
			done('m2/b'),
			done('m2/o', 'assignment_submitted')
		]).modules[1]!;
		expect(cellStatus(optional, subs({ 'm2/o': 'submitted' }))).toBe('complete');
		const withoutVoluntary = deriveCourseProgress(course, [done('m2/b')]).modules[1]!;
		expect(cellStatus(withoutVoluntary, new Map())).toBe('complete');
	});
});

function rowsFor() {
	const learner = (id: string, name: string) => ({ id, name, email: `${id}@example.org` });
	return buildMatrixRows([
		{
			learner: learner('c', 'Zoe'),
			progress: deriveCourseProgress(course, [done('m1/a')]),
			submissions: new Map(),
			started: new Set()
		},
		{
			learner: learner('a', 'Ali'),
			progress: deriveCourseProgress(course, [
				done('m1/a'),
				done('m1/q', 'quiz_passed'),
				done('m1/p', 'assignment_accepted'),
				done('m2/b')
			]),
			submissions: subs({ 'm1/p': 'accepted' }),
			started: new Set()
		},
		{
			learner: learner('b', 'Änne'),
			progress: deriveCourseProgress(course, []),
			submissions: subs({ 'm1/p': 'submitted' }),
			started: new Set()
		}
	]);
}

describe('matrix rows and sorting', () => {
	it('builds one status per module and the overall figures', () => {
		const [zoe, ali, aenne] = rowsFor();
		expect(zoe!.cells).toEqual(['in_progress', 'not_started']);
		expect(ali).toMatchObject({
			done: 4,
			total: 4,
			percent: 100,
			cells: ['complete', 'complete']
		});
		expect(aenne!.cells).toEqual(['waiting_for_review', 'not_started']);
	});

	it('sorts by name with German collation, both ways', () => {
		const names = (sort: Parameters<typeof sortMatrixRows>[1]) =>
			sortMatrixRows(rowsFor(), sort).map((row) => row.learner.name);
		expect(names({ key: 'name', dir: 'auf' })).toEqual(['Ali', 'Änne', 'Zoe']);
		expect(names({ key: 'name', dir: 'ab' })).toEqual(['Zoe', 'Änne', 'Ali']);
		expect(names({ key: 'fortschritt', dir: 'ab' })).toEqual(['Ali', 'Zoe', 'Änne']);
		expect(names({ key: 'modul-1', dir: 'auf' })).toEqual(['Zoe', 'Änne', 'Ali']);
	});

	it('parses sort parameters and falls back on bad input', () => {
		const parse = (query: string) => parseMatrixSort(new URLSearchParams(query), 2);
		expect(parse('sortierung=modul-2&richtung=ab')).toEqual({ key: 'modul-2', dir: 'ab' });
		expect(parse('sortierung=fortschritt')).toEqual({ key: 'fortschritt', dir: 'auf' });
		expect(parse('sortierung=modul-3')).toEqual({ key: 'name', dir: 'auf' });
		expect(parse('sortierung=modul-0')).toEqual({ key: 'name', dir: 'auf' });
		expect(parse('sortierung=%3Cscript%3E&richtung=x')).toEqual({ key: 'name', dir: 'auf' });
	});

	it('counts completion per module', () => {
		const [first, second] = moduleCompletion(rowsFor(), 2);
		expect(first).toMatchObject({ complete: 1, learners: 3, percent: 33, waiting_for_review: 1 });
		expect(second).toMatchObject({ complete: 1, in_progress: 0, not_started: 2, percent: 33 });
	});
});
