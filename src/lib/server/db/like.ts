import { like, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

// SQLite's LIKE has no escape character unless the query names one: `\%` without an ESCAPE
// clause matches a backslash followed by anything. Every LIKE built from text a person typed
// goes through these helpers, which escape `\`, `%` and `_` and name `\` as the escape.

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

const withEscape = (condition: SQL) => sql`${condition} escape '\\'`;

/** The column contains `text` literally (wildcards in it match only themselves). */
export function containsText(column: SQLiteColumn, text: string): SQL {
	return withEscape(like(column, `%${escapeLike(text)}%`));
}

/** The column starts with `prefix` literally. */
export function startsWithText(column: SQLiteColumn, prefix: string): SQL {
	return withEscape(like(column, `${escapeLike(prefix)}%`));
}

/**
 * The column contains `text` in any case, umlauts and other non-ASCII letters included (through
 * fold_case, registered on the connection in db/index.ts). instr() takes no wildcards, so the
 * text needs no escaping. It cannot use an index: fine for searches within one cohort.
 */
export function containsTextAnyCase(column: SQLiteColumn, text: string): SQL {
	return sql`instr(fold_case(${column}), ${text.toLocaleLowerCase('de')}) > 0`;
}
