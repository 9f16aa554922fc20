// The life cycle of a practice assignment submission: one list for the schema, the server and
// the pages (no $lib imports here, so drizzle-kit can read it with the schema).

export const submissionStatuses = ['draft', 'submitted', 'revision_requested', 'accepted'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];
