import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Repeated submits: a double click (or a double tap on a phone) sends the same form twice, and
// without JavaScript nothing in the browser stops it (http/repeat-safe.ts).

/**
 * One row per submitted form for a few seconds: `key` is a SHA-256 hash of who sent which form
 * with which fields, so no text typed is stored. `result` is empty while the first submit is
 * being answered, then holds its answer (a redirect or the action's data, as JSON) for a repeat
 * to give again. Rows are pruned as new ones arrive.
 */
export const repeatGuards = sqliteTable(
	'repeat_guards',
	{
		key: text('key').primaryKey(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		result: text('result')
	},
	(t) => [index('repeat_guards_at_idx').on(t.at)]
);
