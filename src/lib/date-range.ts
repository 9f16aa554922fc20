/** Years a date typed into a form may name: a year 0050 is a typo, not a plan. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

/** The same as bounds of a date field, so the browser offers and checks only these days. */
export const DATE_FIELD_BOUNDS = { min: `${FIRST_YEAR}-01-01`, max: `${LAST_YEAR}-12-31` };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day (YYYY-MM-DD) between FIRST_YEAR and LAST_YEAR (not 2026-02-30, not 0050-03-01). */
export function isIsoDate(value: string): boolean {
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const year = Number(match[1]);
	if (year < FIRST_YEAR || year > LAST_YEAR) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
