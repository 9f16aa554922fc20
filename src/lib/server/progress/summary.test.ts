import { describe, expect, it } from 'vitest';
import type { CompletionEvent } from './events';
import { chartGeometry, completionTimeline, quizPassRates } from './summary';
import { makeCourse } from '$test/unit/test-course';

const course = makeCourse({
	m1: [
		['a', 'lesson'],
		['q', 'quiz']
	],
	m2: [['b', 'lesson']]
});
const ev = (item: string, iso: string, kind: CompletionEvent['kind'] = 'completed') => ({
	itemId: `kurs/${item}`,
	kind,
	source: 'lesson_marked' as const,
	at: new Date(iso)
});

describe('quizPassRates', () => {
	it('counts learners, not attempts, and keeps "nobody tried" apart from 0 %', () => {
		const [rate] = quizPassRates(course, [
			{ userId: 'u1', quizId: 'kurs/m1/q', passed: false },
			{ userId: 'u1', quizId: 'kurs/m1/q', passed: true },
			{ userId: 'u2', quizId: 'kurs/m1/q', passed: false },
			{ userId: 'u3', quizId: 'kurs/andere/q', passed: true }
		]);
		expect(rate).toMatchObject({ attempts: 3, attempted: 2, passed: 1, percent: 50 });
		expect(quizPassRates(course, [])[0]!.percent).toBeNull();
	});
});

describe('completionTimeline', () => {
	it('replays events per Berlin day, including undo', () => {
		const events = new Map([
			[
				'u1',
				[
					ev('m1/a', '2026-02-01T22:30:00Z'),
					ev('m1/q', '2026-02-03T09:00:00Z'),
					ev('m2/b', '2026-02-03T10:00:00Z')
				]
			],
			[
				'u2',
				[ev('m1/a', '2026-02-03T08:00:00Z'), ev('m1/a', '2026-02-04T08:00:00Z', 'uncompleted')]
			]
		]);
		expect(completionTimeline(course, events, ['u1', 'u2'])).toEqual([
			{ day: '2026-02-01', percent: 17, complete: 0 },
			{ day: '2026-02-03', percent: 67, complete: 1 },
			{ day: '2026-02-04', percent: 50, complete: 1 }
		]);
	});
	it('is empty without learners or events', () => {
		expect(completionTimeline(course, new Map(), [])).toEqual([]);
		expect(completionTimeline(course, new Map(), ['u1'])).toEqual([]);
	});
});

describe('chartGeometry', () => {
	it('spaces points by date and maps 0–100 % onto the plot', () => {
		const chart = chartGeometry(
			[
				{ day: '2026-02-01', percent: 0, complete: 0 },
				{ day: '2026-02-03', percent: 50, complete: 0 },
				{ day: '2026-02-05', percent: 100, complete: 1 }
			],
			(day) => day
		);
		const [a, b, c] = chart.dots;
		expect(a).toMatchObject({ x: chart.plot.left, y: chart.plot.bottom });
		expect(c).toMatchObject({ x: chart.plot.right, y: chart.plot.top });
		expect(b!.x).toBeCloseTo((chart.plot.left + chart.plot.right) / 2, 0);
		expect(chart.points.split(' ')).toHaveLength(3);
		expect(chart.yTicks.map((tick) => tick.label)).toEqual([
			'0 %',
			'25 %',
			'50 %',
			'75 %',
			'100 %'
		]);
	});
	it('centres a single point', () => {
		const chart = chartGeometry([{ day: '2026-02-01', percent: 40, complete: 0 }], (d) => d);
		expect(chart.dots[0]!.x).toBe((chart.plot.left + chart.plot.right) / 2);
	});
});
