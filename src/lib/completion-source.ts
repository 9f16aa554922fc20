// What completes (or undoes) an item, as completion events store it: one list for the schema,
// the server and the pages (no $lib imports here, so drizzle-kit can read it with the schema).

export const completionSources = [
	'lesson_marked',
	'quiz_passed',
	'assignment_accepted',
	'assignment_submitted',
	'trainer'
] as const;
export type CompletionSource = (typeof completionSources)[number];

export const completionKinds = ['completed', 'uncompleted'] as const;
