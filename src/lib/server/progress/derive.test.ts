import { describe, expect, it } from 'vitest';
import { deriveAttendance } from './attendance';
import { deriveCourseProgress, deriveModuleAccess, nextItem } from './derive';
import type { CompletionSource } from '$lib/completion-source';
import type { CompletionEvent } from './events';
import { makeCourse } from '$test/unit/test-course';

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 9));
const done = (
	item: string,
	n: number,
	source: CompletionSource = 'lesson_marked'
): CompletionEvent => ({ itemId: `kurs/${item}`, kind: 'completed', source, at: day(n) });
const undone = (item: string, n: number): CompletionEvent => ({
	itemId: `kurs/${item}`,
	kind: 'uncompleted',
	source: 'lesson_marked',
	at: day(n)
});

const twoModules = makeCourse({
	m1: [
		['a', 'lesson'],
		['b', 'quiz'],
		['c', 'assignment']
	],
	m2: [
		['d', 'lesson'],
		['e', 'assignment', false]
	]
});

const item = (progress: ReturnType<typeof deriveCourseProgress>, id: string) =>
	progress.modules.flatMap((m) => m.items).find((entry) => entry.item.id === `kurs/${id}`)!;

describe('deriveCourseProgress', () => {
	it('starts empty with zero percent', () => {
		const progress = deriveCourseProgress(twoModules, []);
		expect(progress).toMatchObject({ done: 0, total: 4, percent: 0, isComplete: false });
		expect(progress.completedAt).toBeNull();
		expect(progress.modules.map((m) => m.complete)).toEqual([false, false]);
	});

	it('counts completed items per module and rounds the percentage down', () => {
		const progress = deriveCourseProgress(twoModules, [
			done('m1/a', 1),
			done('m1/b', 2, 'quiz_passed')
		]);
		expect(progress.modules[0]).toMatchObject({ done: 2, total: 3, complete: false });
		expect(progress.percent).toBe(50);
		expect(item(progress, 'm1/a').completedAt).toEqual(day(1));
	});

	it('undoes a completion with a later uncompleted event', () => {
		const progress = deriveCourseProgress(twoModules, [done('m1/a', 1), undone('m1/a', 2)]);
		expect(item(progress, 'm1/a')).toMatchObject({ complete: false, completedAt: null });
		expect(progress.done).toBe(0);
	});

	it('uses the time of the last re-completion', () => {
		const progress = deriveCourseProgress(twoModules, [
			done('m1/a', 1),
			undone('m1/a', 2),
			done('m1/a', 5)
		]);
		expect(item(progress, 'm1/a').completedAt).toEqual(day(5));
	});

	it('ignores events for items that no longer exist in the content', () => {
		const progress = deriveCourseProgress(twoModules, [done('m1/removed', 1), done('m1/a', 2)]);
		expect(progress.done).toBe(1);
		expect(progress.total).toBe(4);
	});

	it('completes a module when its last item is done, at that time', () => {
		const progress = deriveCourseProgress(twoModules, [
			done('m1/c', 3, 'assignment_accepted'),
			done('m1/a', 1),
			done('m1/b', 4, 'quiz_passed')
		]);
		expect(progress.modules[0]).toMatchObject({ complete: true, completedAt: day(4) });
		expect(progress.modules[1]!.complete).toBe(false);
	});

	it('completes a voluntary assignment on submission, without counting it', () => {
		const progress = deriveCourseProgress(twoModules, [
			done('m2/d', 1),
			done('m2/e', 2, 'assignment_submitted')
		]);
		expect(item(progress, 'm2/e')).toMatchObject({ complete: true, completedAt: day(2) });
		expect(progress.modules[1]).toMatchObject({ done: 1, total: 1, complete: true });
	});

	it('completes module and course without the voluntary assignment', () => {
		const events = [
			done('m1/a', 1),
			done('m1/b', 2, 'quiz_passed'),
			done('m1/c', 3, 'assignment_accepted'),
			done('m2/d', 4)
		];
		const progress = deriveCourseProgress(twoModules, events);
		expect(item(progress, 'm2/e').complete).toBe(false);
		expect(progress.modules[1]).toMatchObject({ complete: true, completedAt: day(4) });
		expect(progress).toMatchObject({ percent: 100, isComplete: true, completedAt: day(4) });
		expect(nextItem(progress)).toBeNull();
		expect(item(progress, 'm2/e').isNew).toBe(false);
	});

	it('does not complete a required assignment on submission alone', () => {
		const progress = deriveCourseProgress(twoModules, [done('m1/c', 2, 'assignment_submitted')]);
		expect(item(progress, 'm1/c').complete).toBe(false);
		const accepted = deriveCourseProgress(twoModules, [
			done('m1/c', 2, 'assignment_submitted'),
			done('m1/c', 3, 'assignment_accepted')
		]);
		expect(item(accepted, 'm1/c').completedAt).toEqual(day(3));
	});

	it('re-opens a complete module when an item is undone, and re-completes it later', () => {
		const base = [
			done('m1/a', 1),
			done('m1/b', 2, 'quiz_passed'),
			done('m1/c', 3, 'assignment_accepted')
		];
		const reopened = deriveCourseProgress(twoModules, [
			...base,
			{ itemId: 'kurs/m1/c', kind: 'uncompleted', source: 'trainer', at: day(4) }
		]);
		expect(reopened.modules[0]).toMatchObject({ complete: false, completedAt: null });
		const again = deriveCourseProgress(twoModules, [
			...base,
			{ itemId: 'kurs/m1/c', kind: 'uncompleted', source: 'trainer', at: day(4) },
			done('m1/c', 9, 'assignment_accepted')
		]);
		expect(again.modules[0]).toMatchObject({ complete: true, completedAt: day(9) });
	});

	it('completes the course when all modules are complete, at the latest completion', () => {
		const progress = deriveCourseProgress(twoModules, [
			done('m1/a', 1),
			done('m1/b', 2, 'quiz_passed'),
			done('m1/c', 7, 'assignment_accepted'),
			done('m2/d', 3),
			done('m2/e', 4, 'assignment_submitted')
		]);
		expect(progress).toMatchObject({ isComplete: true, percent: 100, completedAt: day(7) });
	});

	it('treats a course without items as not complete and 0 percent', () => {
		const empty = makeCourse({});
		expect(deriveCourseProgress(empty, [])).toMatchObject({ percent: 0, total: 0 });
	});
});

describe('new items after a content change', () => {
	const before = makeCourse({
		m1: [
			['a', 'lesson'],
			['b', 'lesson']
		],
		m2: [['c', 'lesson']]
	});
	const events = [done('m1/a', 1), done('m1/b', 2), done('m2/c', 3)];
	const after = makeCourse({
		m1: [
			['a', 'lesson'],
			['b', 'lesson'],
			['neu', 'lesson']
		],
		m2: [['c', 'lesson']]
	});

	it('makes a complete module incomplete and flags the added item as new', () => {
		expect(deriveCourseProgress(before, events).isComplete).toBe(true);
		const progress = deriveCourseProgress(after, events);
		expect(progress.modules[0]).toMatchObject({ complete: false, done: 2, total: 3 });
		expect(progress.isComplete).toBe(false);
		expect(item(progress, 'm1/neu').isNew).toBe(true);
		expect(item(progress, 'm1/a').isNew).toBe(false);
	});

	it('flags an item inserted between completed items of the module', () => {
		const inserted = makeCourse({
			m1: [
				['a', 'lesson'],
				['neu', 'lesson'],
				['b', 'lesson']
			]
		});
		const progress = deriveCourseProgress(inserted, [done('m1/a', 1), done('m1/b', 2)]);
		expect(item(progress, 'm1/neu').isNew).toBe(true);
	});

	it('does not flag the next item of a learner simply working forward', () => {
		const progress = deriveCourseProgress(after, [done('m1/a', 1), done('m1/b', 2)]);
		expect(item(progress, 'm1/neu').isNew).toBe(false);
	});

	it('does not flag an item the learner completed and then undid', () => {
		const progress = deriveCourseProgress(after, [
			...events,
			done('m1/neu', 4),
			undone('m1/neu', 5)
		]);
		expect(item(progress, 'm1/neu')).toMatchObject({ complete: false, isNew: false });
	});

	it('drops the flag once the new item is completed', () => {
		const progress = deriveCourseProgress(after, [...events, done('m1/neu', 6)]);
		expect(item(progress, 'm1/neu')).toMatchObject({ complete: true, isNew: false });
		expect(progress.isComplete).toBe(true);
	});

	it('does not flag the only item of a module', () => {
		const single = makeCourse({ m1: [['a', 'lesson']], m2: [['b', 'lesson']] });
		const progress = deriveCourseProgress(single, [done('m2/b', 1)]);
		expect(item(progress, 'm1/a').isNew).toBe(false);
	});
});

describe('attendance', () => {
	const days = [
		{ moduleId: 'kurs/m1', day: '2026-02-02' },
		{ moduleId: 'kurs/m1', day: '2026-02-03' },
		{ moduleId: 'kurs/m1', day: '2026-02-02' }
	];
	const present = (d: string, at: number, isPresent = true) => ({
		moduleId: 'kurs/m1',
		day: d,
		present: isPresent,
		recordedAt: day(at)
	});

	it('needs presence on every distinct recorded day', () => {
		const result = deriveAttendance(days, [present('2026-02-02', 10)]);
		expect(result).toMatchObject({ days: 2, present: 1, complete: false, fulfilledAt: null });
		expect(result.missing).toEqual([{ moduleId: 'kurs/m1', day: '2026-02-03' }]);
	});

	it('counts an absent record as missing', () => {
		const result = deriveAttendance(days, [
			present('2026-02-02', 10),
			present('2026-02-03', 11, false)
		]);
		expect(result.complete).toBe(false);
	});

	it('is complete with presence on all days, fulfilled at the last record', () => {
		const result = deriveAttendance(days, [present('2026-02-03', 12), present('2026-02-02', 10)]);
		expect(result).toMatchObject({ days: 2, present: 2, complete: true, fulfilledAt: day(12) });
	});

	it('is complete when no day has been recorded yet', () => {
		expect(deriveAttendance([], [])).toMatchObject({ complete: true, days: 0 });
	});

	const course = makeCourse({ m1: [['a', 'lesson']] });
	it('holds back course completion until attendance is complete', () => {
		const events = [done('m1/a', 1)];
		const missing = deriveAttendance(days, [present('2026-02-02', 10)]);
		expect(deriveCourseProgress(course, events, missing)).toMatchObject({
			isComplete: false,
			percent: 100,
			completedAt: null
		});
		const full = deriveAttendance(days, [present('2026-02-02', 10), present('2026-02-03', 14)]);
		expect(deriveCourseProgress(course, events, full)).toMatchObject({
			isComplete: true,
			completedAt: day(14)
		});
	});

	it('completes at the last item when attendance was fulfilled earlier or has no days', () => {
		const events = [done('m1/a', 20)];
		const full = deriveAttendance(days, [present('2026-02-02', 10), present('2026-02-03', 14)]);
		expect(deriveCourseProgress(course, events, full).completedAt).toEqual(day(20));
		expect(deriveCourseProgress(course, events, deriveAttendance([], [])).completedAt).toEqual(
			day(20)
		);
	});
});

describe('deriveModuleAccess and nextItem', () => {
	it('keeps the next module of a sequential course closed until the previous is complete', () => {
		const progress = deriveCourseProgress(twoModules, [done('m1/a', 1)]);
		const access = deriveModuleAccess(progress, 'kurs/m2', new Set());
		expect(access).toMatchObject({ open: false, reason: 'previous_incomplete' });
		if (!access.open && access.reason === 'previous_incomplete') {
			expect(access.missing.map((entry) => entry.slug)).toEqual(['b', 'c']);
		}
		expect(deriveModuleAccess(progress, 'kurs/m2', new Set(['kurs/m2']))).toEqual({ open: true });
		expect(deriveModuleAccess(progress, 'kurs/m1', new Set())).toEqual({ open: true });
	});

	it("opens the next module without the previous module's voluntary assignment", () => {
		const course = makeCourse({
			m1: [
				['a', 'lesson'],
				['v', 'assignment', false]
			],
			m2: [['b', 'lesson']]
		});
		const before = deriveModuleAccess(deriveCourseProgress(course, []), 'kurs/m2', new Set());
		expect(before).toMatchObject({
			open: false,
			reason: 'previous_incomplete',
			missing: [expect.objectContaining({ slug: 'a' })]
		});
		const after = deriveCourseProgress(course, [done('m1/a', 1)]);
		expect(deriveModuleAccess(after, 'kurs/m2', new Set())).toEqual({ open: true });
		expect(nextItem(after)?.slug).toBe('b');
	});

	it('opens every module of an open course', () => {
		const open = makeCourse({ m1: [['a', 'lesson']], m2: [['b', 'lesson']] }, 'open');
		expect(deriveModuleAccess(deriveCourseProgress(open, []), 'kurs/m2', new Set())).toEqual({
			open: true
		});
	});

	it('points to the first incomplete item and moves on after it is done', () => {
		expect(nextItem(deriveCourseProgress(twoModules, []))?.slug).toBe('a');
		expect(nextItem(deriveCourseProgress(twoModules, [done('m1/a', 1)]))?.slug).toBe('b');
		const skipWaiting = nextItem(
			deriveCourseProgress(twoModules, [done('m1/a', 1), done('m1/b', 2, 'quiz_passed')]),
			new Set(['kurs/m1/c'])
		);
		expect(skipWaiting?.slug).toBe('d');
	});

	it('returns null when everything is done', () => {
		const progress = deriveCourseProgress(twoModules, [
			done('m1/a', 1),
			done('m1/b', 2, 'quiz_passed'),
			done('m1/c', 3, 'assignment_accepted'),
			done('m2/d', 4),
			done('m2/e', 5, 'assignment_submitted')
		]);
		expect(nextItem(progress)).toBeNull();
	});
});
