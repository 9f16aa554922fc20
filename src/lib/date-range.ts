/** Years a date typed into a form may name: a year 0050 is a typo, not a plan. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

/** The same as bounds of a date field, so the browser offers and checks only these days. */
export const DATE_FIELD_BOUNDS = { min: `${FIRST_YEAR}-01-01`, max: `${LAST_YEAR}-12-31` };
