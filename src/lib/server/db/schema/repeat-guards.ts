import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Repeated submits: a double click (or a double tap on a phone) sends the same form twice, and
// without JavaScript nothing in the browser stops it (http/repeat-safe.ts).

/**
 * One row per submitted form for a few seconds: `key` is a SHA-256 hash of who sent which form
 * with which fields, so no text typed is stored. `result` is empty while the first submit is
 * being answered, then holds its answer (a redirect or the action's data, as JSON) for a repeat
 * to give again. `sender` and `target` (hashes of who sent it and of the action's address) let
 * any other submit of the same person end the row: a repeat is the same submit again with
 * nothing in between. Rows are pruned as new ones arrive.
 */
export const repeatGuards = sqliteTable(
	'repeat_guards',
	{
		key: text('key').primaryKey(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		result: text('result'),
		sender: text('sender').notNull().default(''),
		target: text('target').notNull().default('')
	},
	(t) => [index('repeat_guards_at_idx').on(t.at), index('repeat_guards_sender_idx').on(t.sender)]
);
