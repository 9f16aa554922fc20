import type { CourseMeta } from '$lib/content/types';
import { deriveCourseProgress } from './derive';
import type { CompletionEvent } from './events';
import { dateTimeFormat } from '$lib/intl';

// Pure figures for the cohort summary.

export interface SubmittedAttempt {
	userId: string;
	quizId: string;
	passed: boolean | null;
}

/** Per quiz: learners who submitted an attempt, and how many of them passed at least once. */
export function quizPassRates(course: CourseMeta, attempts: SubmittedAttempt[]) {
	return course.modules.flatMap((module) =>
		module.items
			.filter((item) => item.type === 'quiz')
			.map((quiz) => {
				const own = attempts.filter((attempt) => attempt.quizId === quiz.id);
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

const berlinDay = (at: Date) => dateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(at);

/** One point per day on which anything was completed or undone, replaying the event log. */
export function completionTimeline(
	course: CourseMeta,
	eventsByUser: ReadonlyMap<string, CompletionEvent[]>,
	learnerIds: string[]
): TimelinePoint[] {
	if (learnerIds.length === 0) return [];
	const days = new Set<string>();
	for (const id of learnerIds) {
		for (const event of eventsByUser.get(id) ?? []) days.add(berlinDay(event.at));
	}
	return [...days].sort().map((day) => {
		let percentSum = 0;
		let complete = 0;
		for (const id of learnerIds) {
			const events = (eventsByUser.get(id) ?? []).filter((event) => berlinDay(event.at) <= day);
			const progress = deriveCourseProgress(course, events);
			percentSum += progress.total === 0 ? 0 : (progress.done / progress.total) * 100;
			if (progress.isComplete) complete += 1;
		}
		return { day, percent: Math.round(percentSum / learnerIds.length), complete };
	});
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
