import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Codes of Teilnahmebestätigungen whose holder was deleted: /verify answers "gelöscht" without
 * a name, as for certificates. Number and serial stay reserved so no new confirmation reuses them.
 */
export const erasedEventConfirmations = sqliteTable(
	'erased_event_confirmations',
	{
		code: text('code').primaryKey(),
		year: integer('year').notNull(),
		serial: integer('serial').notNull(),
		erasedAt: integer('erased_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('erased_event_confirmations_year_idx').on(t.year, t.serial)]
);
