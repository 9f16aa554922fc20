import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Instance settings.

/** Instance settings edited by admins (e.g. the issuing organisation on certificates). */
export const settings = sqliteTable('settings', {
	key: text('key').primaryKey(),
	value: text('value', { mode: 'json' }).notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
