/** SQLite refused a row because a unique index already has its value (a race or a duplicate). */
export const isUniqueViolation = (error: unknown): boolean =>
	(error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
