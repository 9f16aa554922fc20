import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from './statement-cache';

function connection() {
	const client = new Database(':memory:');
	client.exec(
		"create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b')"
	);
	cacheStatements(client);
	return client;
}

describe('cacheStatements', () => {
	it('hands out the same statement for the same SQL', () => {
		const client = connection();
		const first = client.prepare('select name from t order by id');
		expect(client.prepare('select name from t order by id')).toBe(first);
		expect(client.prepare('select id from t')).not.toBe(first);
	});

	it('returns rows as objects again after drizzle used the statement raw', () => {
		const client = connection();
		expect(client.prepare('select name from t order by id').raw().all()).toEqual([['a'], ['b']]);
		expect(client.prepare('select name from t order by id').all()).toEqual([
			{ name: 'a' },
			{ name: 'b' }
		]);
	});

	it('prepares a fresh statement while the cached one is still iterating', () => {
		const client = connection();
		const sql = 'select name from t order by id';
		const iterating = client.prepare(sql);
		const rows = iterating.iterate();
		rows.next();
		const other = client.prepare(sql);
		expect(other).not.toBe(iterating);
		expect(other.all()).toHaveLength(2);
		rows.return?.();
	});

	it('keeps writes working through cached statements', () => {
		const client = connection();
		const insert = () => client.prepare('insert into t (name) values (?)').run('c');
		insert();
		insert();
		expect(client.prepare('select count(*) as n from t').get()).toEqual({ n: 4 });
	});
});
