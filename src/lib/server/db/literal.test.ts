import { is, like, sql, type Column } from 'drizzle-orm';
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

describe('writeLimitsAsLiterals (on every connection from openDatabase)', () => {
	const users = schema.users;

	it('writes a whole-number limit into the SQL of selects, updates and deletes', () => {
		const select = db.select({ id: users.id }).from(users).limit(7).offset(20).toSQL();
		expect(select.sql).toMatch(/ limit 7 offset \?$/);
		expect(select.params).toEqual([20]);
		const update = db.update(users).set({ name: 'x' }).limit(3).toSQL();
		expect(update.sql).toMatch(/ limit 3$/);
		expect(update.params).toEqual(['x']);
		const remove = db.delete(users).limit(0).toSQL();
		expect(remove.sql).toMatch(/ limit 0$/);
		expect(remove.params).toEqual([]);
	});

	it('leaves anything else to drizzle: placeholders bound, no limit for negative or NaN', () => {
		const placeholder = db.select({ id: users.id }).from(users).limit(sql.placeholder('n')).toSQL();
		expect(placeholder.sql).toMatch(/ limit \?$/);
		for (const odd of [-1, Number.NaN, 1.5, 2 ** 60]) {
			const query = db.select({ id: users.id }).from(users).limit(odd).toSQL();
			expect(query.sql).not.toMatch(/ limit \d/);
		}
	});

	it('answers the same rows as before', () => {
		for (const id of ['a', 'b', 'c']) {
			db.insert(users)
				.values({
					id: `limit-${id}`,
					email: `limit-${id}@example.org`,
					name: id,
					passwordHash: 'x'
				})
				.run();
		}
		const rows = db
			.select({ id: users.id })
			.from(users)
			.where(like(users.id, 'limit-%'))
			.orderBy(users.id)
			.limit(2)
			.all();
		expect(rows.map((row) => row.id)).toEqual(['limit-a', 'limit-b']);
	});

	it('is how the code limits: no limit bound from a placeholder in src', () => {
		const offenders = sourceFiles('src', '.ts')
			.filter((file) => !file.endsWith('.test.ts'))
			.filter((file) => /\.limit\(\s*sql\.placeholder/.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});
});
