/**
 * Calendar dates as the cohort tables store them: `YYYY-MM-DD`, meant as Berlin dates. The
 * arithmetic runs on UTC midnights, so daylight saving time never shifts a day.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export { isIsoDate } from '$lib/date-range';

export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	return new Date(date.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round(
		(new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / DAY_MS
	);
}

/** The Monday after `day` (a week later when `day` is itself a Monday). */
export function nextMonday(day: string): string {
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
	return addDays(day, (8 - weekday) % 7 || 7);
}
