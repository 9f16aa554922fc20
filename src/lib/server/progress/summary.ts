import type { CourseMeta } from '$lib/content/types';
import { berlinDay } from '$lib/berlin-day';

// Pure figures for the cohort summary.

export interface SubmittedAttempt {
	userId: string;
	quizId: string;
	passed: boolean | null;
}

/** Per quiz: learners who submitted an attempt, and how many of them passed at least once. */
export function quizPassRates(course: CourseMeta, attempts: SubmittedAttempt[]) {
	const byQuiz = new Map<string, SubmittedAttempt[]>();
	for (const attempt of attempts) {
		const list = byQuiz.get(attempt.quizId) ?? [];
		list.push(attempt);
		byQuiz.set(attempt.quizId, list);
	}
	return course.modules.flatMap((module) =>
		module.items
			.filter((item) => item.type === 'quiz')
			.map((quiz) => {
				const own = byQuiz.get(quiz.id) ?? [];
				const attempted = new Set(own.map((attempt) => attempt.userId)).size;
				const passed = new Set(own.filter((a) => a.passed).map((attempt) => attempt.userId)).size;
				return {
					id: quiz.id,
					title: quiz.title,
					moduleTitle: module.title,
					attempts: own.length,
					attempted,
					passed,
					/** null when nobody has tried yet (not 0 %, which would read as "everyone failed"). */
					percent: attempted === 0 ? null : Math.round((passed / attempted) * 100)
				};
			})
	);
}

export interface TimelinePoint {
	/** YYYY-MM-DD, Berlin. */
	day: string;
	/** Average share of items complete across the cohort, 0–100. */
	percent: number;
	/** Learners with every item complete (attendance is not part of this chart). */
	complete: number;
}

/** One learner's net change of complete required items within one UTC hour (see timeline.ts). */
export interface HourlyChange {
	userId: string;
	/** Hours since 1970-01-01T00:00Z. */
	hour: number;
	/** 0 when the hour's events changed nothing: its day is still a point of the timeline. */
	change: number;
}

/** Berlin's offset changes only on the hour, so one formatted day per hour serves all events. */
function berlinDayOfHour(): (hour: number) => string {
	const days = new Map<number, string>();
	return (hour) => {
		let day = days.get(hour);
		if (day === undefined) {
			day = berlinDay(new Date(hour * 3_600_000));
			days.set(hour, day);
		}
		return day;
	};
}

/**
 * One point per Berlin day with events of the cohort's learners: each learner's share at the
 * end of that day is what `deriveCourseProgress` would give for their events up to then
 * (required items only, last event per item wins), from the hourly changes of their counts.
 */
export function completionTimeline(
	changes: readonly HourlyChange[],
	total: number,
	learnerIds: readonly string[]
): TimelinePoint[] {
	if (learnerIds.length === 0) return [];
	const dayOf = berlinDayOfHour();
	const byDay = changes.map((change) => ({ ...change, day: dayOf(change.hour) }));
	byDay.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
	const done = new Map<string, number>();
	let doneSum = 0;
	let complete = total === 0 ? learnerIds.length : 0;
	const points: TimelinePoint[] = [];
	byDay.forEach(({ userId, change, day }, index) => {
		const before = done.get(userId) ?? 0;
		const after = before + change;
		done.set(userId, after);
		doneSum += change;
		if (before === total) complete -= 1;
		if (after === total) complete += 1;
		if (byDay[index + 1]?.day === day) return;
		const percent = total === 0 ? 0 : (doneSum / total / learnerIds.length) * 100;
		points.push({ day, percent: Math.round(percent), complete });
	});
	return points;
}

export interface ChartGeometry {
	width: number;
	height: number;
	/** `x,y` pairs for an SVG polyline. */
	points: string;
	dots: { x: number; y: number; label: string }[];
	yTicks: { y: number; label: string }[];
	xTicks: { x: number; label: string }[];
	plot: { left: number; right: number; top: number; bottom: number };
}

/** Lays out the timeline: x by date (so gaps between days show), y from 0 to 100 %. */
export function chartGeometry(
	points: TimelinePoint[],
	formatDay: (day: string) => string,
	width = 640,
	height = 260
): ChartGeometry {
	const plot = { left: 64, right: width - 48, top: 16, bottom: height - 40 };
	const time = (day: string) => Date.parse(`${day}T12:00:00Z`);
	const first = points[0] ? time(points[0].day) : 0;
	const last = points.at(-1) ? time(points.at(-1)!.day) : 0;
	const span = last - first;
	const x = (day: string) =>
		span === 0
			? (plot.left + plot.right) / 2
			: plot.left + ((time(day) - first) / span) * (plot.right - plot.left);
	const y = (percent: number) => plot.bottom - (percent / 100) * (plot.bottom - plot.top);
	const round = (value: number) => Math.round(value * 10) / 10;
	const dots = points.map((point) => ({
		x: round(x(point.day)),
		y: round(y(point.percent)),
		label: `${formatDay(point.day)}: ${point.percent} %`
	}));
	const tickDays =
		points.length <= 2
			? points.map((point) => point.day)
			: [points[0]!.day, points[Math.floor(points.length / 2)]!.day, points.at(-1)!.day];
	return {
		width,
		height,
		points: dots.map((dot) => `${dot.x},${dot.y}`).join(' '),
		dots,
		yTicks: [0, 25, 50, 75, 100].map((value) => ({ y: round(y(value)), label: `${value} %` })),
		xTicks: [...new Set(tickDays)].map((day) => ({ x: round(x(day)), label: formatDay(day) })),
		plot
	};
}
