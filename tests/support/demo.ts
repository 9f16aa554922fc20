// The demo accounts, and the fixture-course pages the reliability tests work with.

export const DEMO = {
	learner: 'lernende@example.org',
	trainer: 'trainerin@example.org',
	password: 'Demo-Lernplattform-2026'
} as const;

/** A long lesson with an image, in the first (always open) module of the IKBO fixture course. */
export const LESSON_PATH = '/kurse/probe-ikbo/rolle-und-auftrag/idee-und-rolle';

/** A quiz in a fixture course whose modules are all open. */
export const QUIZ_PATH = '/quiz/probe-digital/informationen-und-daten/wissenscheck';
