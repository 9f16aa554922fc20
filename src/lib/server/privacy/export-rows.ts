import { eq } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { SelectedFields, SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { getDb } from '../db';

/** The rows whose `person` column names the user, with the given columns. */
export function rowsNaming<T extends SelectedFields>(
	userId: string,
	person: SQLiteColumn,
	columns: T
) {
	const rows = getDb().select(columns).from(person.table).where(eq(person, userId)).all();
	// drizzle cannot tell through a generic selection that better-sqlite3 answers synchronously.
	return rows as SelectResultFields<T>[];
}

/** A file name that is safe inside a ZIP on every system. */
export const safeName = (name: string) =>
	name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'datei';
