import { countsTowardCompletion, type CourseMeta } from '$lib/content/types';
import { countsForItem } from './derive';
import type { CompletionEvent } from './events';
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

/** Berlin's offset changes only on the hour, so one formatted day per hour serves all events. */
function berlinDays(): (at: Date) => string {
	const byHour = new Map<number, string>();
	return (at) => {
		const hour = Math.floor(at.getTime() / 3_600_000);
		let day = byHour.get(hour);
		if (day === undefined) {
			day = berlinDay(at);
			byHour.set(hour, day);
		}
		return day;
	};
}

/**
 * One point per day on which anything was completed or undone, replaying the event log once:
 * each learner's share at the end of a day is what `deriveCourseProgress` would give for their
 * events up to that day (required items only, last event per item wins).
 */
export function completionTimeline(
	course: CourseMeta,
	eventsByUser: ReadonlyMap<string, CompletionEvent[]>,
	learnerIds: string[]
): TimelinePoint[] {
	if (learnerIds.length === 0) return [];
	const items = new Map(course.modules.flatMap((module) => module.items).map((i) => [i.id, i]));
	const total = [...items.values()].filter(countsTowardCompletion).length;
	const dayOf = berlinDays();
	const replay: { learner: number; event: CompletionEvent; day: string }[] = [];
	learnerIds.forEach((id, learner) => {
		for (const event of eventsByUser.get(id) ?? [])
			replay.push({ learner, event, day: dayOf(event.at) });
	});
	// Stable: each learner's events stay in their order within a day.
	replay.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
	const states = learnerIds.map(() => new Map<string, boolean>());
	const done = learnerIds.map(() => 0);
	let doneSum = 0;
	let complete = total === 0 ? learnerIds.length : 0;
	const points: TimelinePoint[] = [];
	replay.forEach(({ learner, event, day }, index) => {
		const item = items.get(event.itemId);
		if (item && countsTowardCompletion(item) && countsForItem(item, event)) {
			const wasDone = states[learner]!.get(item.id) === true;
			const isDone = event.kind === 'completed';
			states[learner]!.set(item.id, isDone);
			if (wasDone !== isDone) {
				const change = isDone ? 1 : -1;
				if (done[learner] === total) complete -= 1;
				done[learner]! += change;
				doneSum += change;
				if (done[learner] === total) complete += 1;
			}
		}
		if (replay[index + 1]?.day === day) return;
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
