// The three roles, from fewest to most rights: one list for the schema, the server's guards and
// the pages (no $lib imports here, so drizzle-kit can read it with the schema).

export const roles = ['learner', 'trainer', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Whether `role` has at least the rights of `minimum` (an admin may do what a trainer may). */
export const atLeast = (role: Role, minimum: Role): boolean =>
	roles.indexOf(role) >= roles.indexOf(minimum);

export const isRole = (value: unknown): value is Role =>
	(roles as readonly unknown[]).includes(value);
