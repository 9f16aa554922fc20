import { is, type Column } from 'drizzle-orm';
import { SQLiteTable, getTableConfig } from 'drizzle-orm/sqlite-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$test/source-files';
import { useFreshDatabase } from '$test/unit/test-database';
import { equalsLiteral } from './literal';
import * as schema from './schema';

const db = useFreshDatabase();

/** Columns a partial index filters on by value (`WHERE status = 'valid'`), as `table.column`. */
function valuePlannedColumns(): string[] {
	const indexes = db.$client
		.prepare("select tbl_name as tableName, sql from sqlite_master where type = 'index'")
		.all() as { tableName: string; sql: string | null }[];
	return indexes.flatMap(({ tableName, sql }) =>
		[...(sql?.split(/ WHERE /i)[1] ?? '').matchAll(/[`"]?(\w+)[`"]?\s*=\s*'/g)].map(
			(match) => `${tableName}.${match[1]}`
		)
	);
}

/** How the code names a database column: the schema's export and the column's property. */
function codeNames(): Map<string, string> {
	const names = new Map<string, string>();
	for (const [exportName, table] of Object.entries(schema)) {
		if (!is(table, SQLiteTable)) continue;
		const tableName = getTableConfig(table).name;
		for (const [property, column] of Object.entries(table as unknown as Record<string, Column>)) {
			if (column?.name) names.set(`${tableName}.${column.name}`, `${exportName}.${property}`);
		}
	}
	return names;
}

describe('equalsLiteral', () => {
	it('writes the value into the SQL instead of binding it, quotes doubled', () => {
		const query = db
			.select({ id: schema.certificates.id })
			.from(schema.certificates)
			.where(equalsLiteral(schema.certificates.status, "val'id"))
			.toSQL();
		expect(query.sql).toContain(`"certificates"."status" = 'val''id'`);
		expect(query.params).toEqual([]);
	});

	it('is how the code compares every column a partial index filters on by value', () => {
		const planned = valuePlannedColumns();
		expect(planned).toContain('certificates.status');
		const names = codeNames();
		const patterns = planned.map((column) => {
			const name = names.get(column)!.replace('.', '\\.');
			return new RegExp(`\\b(eq|ne|inArray|notInArray)\\(\\s*(t\\.)?${name}\\s*,`);
		});
		const offenders = sourceFiles('src', '.ts')
			.filter((file) => !file.endsWith('.test.ts'))
			.filter((file) => patterns.some((pattern) => pattern.test(readFileSync(file, 'utf8'))));
		expect(offenders).toEqual([]);
	});
});
