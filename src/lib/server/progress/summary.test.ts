import { describe, expect, it } from 'vitest';
import { chartGeometry, completionTimeline, quizPassRates } from './summary';
import { makeCourse } from '$test/unit/test-course';

const course = makeCourse({
	m1: [
		['a', 'lesson'],
		['q', 'quiz']
	],
	m2: [['b', 'lesson']]
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
	const hour = (iso: string) => Math.floor(Date.parse(iso) / 3_600_000);
	it('adds up hourly changes per Berlin day, including undo', () => {
		const changes = [
			{ userId: 'u2', hour: hour('2026-02-04T08:00:00Z'), change: -1 },
			{ userId: 'u1', hour: hour('2026-02-01T22:00:00Z'), change: 1 },
			{ userId: 'u1', hour: hour('2026-02-03T09:00:00Z'), change: 2 },
			{ userId: 'u2', hour: hour('2026-02-03T08:00:00Z'), change: 1 },
			// Events that changed nothing still make their day a point.
			{ userId: 'u2', hour: hour('2026-02-05T22:00:00Z'), change: 0 }
		];
		expect(completionTimeline(changes, 3, ['u1', 'u2'])).toEqual([
			{ day: '2026-02-01', percent: 17, complete: 0 },
			{ day: '2026-02-03', percent: 67, complete: 1 },
			{ day: '2026-02-04', percent: 50, complete: 1 },
			{ day: '2026-02-05', percent: 50, complete: 1 }
		]);
	});
	it('is empty without learners or events', () => {
		expect(completionTimeline([], 3, [])).toEqual([]);
		expect(completionTimeline([], 3, ['u1'])).toEqual([]);
	});
	it('counts everyone complete in a course without required items', () => {
		const changes = [{ userId: 'u1', hour: hour('2026-02-01T10:00:00Z'), change: 0 }];
		expect(completionTimeline(changes, 0, ['u1', 'u2'])).toEqual([
			{ day: '2026-02-01', percent: 0, complete: 2 }
		]);
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
