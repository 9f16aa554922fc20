import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * `column = 'value'` with the value written into the SQL text instead of bound as a parameter.
 * For the columns a partial index filters on (`… WHERE status = 'valid'`): SQLite decides from
 * the value whether that index may be used, so with a bound value it compiles the statement again
 * every time it runs (a lookup by valid certificate: 10.1 instead of 5.4 µs on the WAL database,
 * and the menu asks one on every page). Only for fixed values from the code, never for input.
 */
export function equalsLiteral(column: SQLiteColumn, value: string): SQL {
	return sql`${column} = ${sql.raw(`'${value.replaceAll("'", "''")}'`)}`;
}

type LimitBuilder = (limit: unknown) => SQL | undefined;

/**
 * Writes every whole-number `.limit(n)` into the SQL text. drizzle binds it as a parameter, and
 * SQLite (since 3.47) plans with the bound LIMIT value, so it compiles such a statement again on
 * every run: the menu's "any valid certificate" lookup with `limit ?` took 12.4 instead of 6.0 µs
 * (a compile on every page). OFFSET does not affect the plan and stays bound.
 */
export function writeLimitsAsLiterals(db: object): void {
	const dialect = (db as { dialect?: { buildLimit?: LimitBuilder } }).dialect;
	const bound = dialect?.buildLimit;
	if (!dialect || typeof bound !== 'function') {
		throw new Error('drizzle-orm changed: SQLite dialect without buildLimit (db/literal.ts)');
	}
	dialect.buildLimit = (limit) =>
		Number.isSafeInteger(limit) && (limit as number) >= 0
			? sql` limit ${sql.raw(String(limit))}`
			: bound.call(dialect, limit);
}
