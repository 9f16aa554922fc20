// The demo accounts and pages the reliability tests and the benchmarks work with.

export const DEMO = {
	learner: 'lernende@example.org',
	trainer: 'trainerin@example.org',
	password: 'Demo-Lernplattform-2026'
} as const;

/** A long lesson with an image, in the first (always open) module of the IKBO course. */
export const LESSON_PATH = '/kurse/interkulturelle-oeffnung/rolle-und-auftrag/idee-und-rolle';

/** A quiz in a course whose modules are all open. */
export const QUIZ_PATH = '/quiz/digitale-kompetenzen/informationen-und-daten/wissenscheck';
