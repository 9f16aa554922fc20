/** The field of the final "Endgültig abgeben" button: a submit without it asks first. */
export const CONFIRM_FIELD = 'bestaetigt';
export const CONFIRMED = 'ja';
