import { sql } from 'drizzle-orm';
import { getDb, type Db } from './index';

/**
 * A query built once per connection and then run with placeholders (`sql.placeholder`). drizzle
 * otherwise builds the SQL text anew on every call: on the queries that run for every request
 * (session, unread count, the quiz attempt) that was a visible share of the CPU time.
 */
export function preparedQuery<Query>(build: (db: Db) => Query): () => Query {
	let builtFor: Db | undefined;
	let query: Query | undefined;
	return () => {
		const db = getDb();
		if (db !== builtFor) {
			query = build(db);
			builtFor = db;
		}
		return query!;
	};
}

/**
 * A placeholder for a value of `.set({ … })` in a prepared update. drizzle encodes it with the
 * column's mapping when it runs (JSON, timestamps), as it does for inserts; only its types leave
 * placeholders out of `set`.
 */
export function setPlaceholder<Value>(name: string): Value {
	return sql.placeholder(name) as unknown as Value;
}
