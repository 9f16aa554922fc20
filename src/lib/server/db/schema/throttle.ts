import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Throttling: counted events (failed logins, expensive public requests) per key.

/**
 * One row per counted event; a limit is "fewer than max rows for the key within the window".
 * Keys are SHA-256 hashes of `<bucket>:<value>`, so typed e-mail addresses are not stored.
 * Rows older than their window are pruned as new ones arrive.
 */
export const throttleEvents = sqliteTable(
	'throttle_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		key: text('key').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('throttle_events_key_at_idx').on(t.key, t.at)]
);
