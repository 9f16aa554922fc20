import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Leases: locks that hold across server processes for work outside one transaction, such as
// committing the content folder (db/lease.ts).

/** A row while a process holds the lease `name`; `until` ends it if the holder died. */
export const leases = sqliteTable('leases', {
	name: text('name').primaryKey(),
	holder: text('holder').notNull(),
	until: integer('until', { mode: 'timestamp_ms' }).notNull()
});
