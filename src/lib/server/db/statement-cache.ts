import type Database from 'better-sqlite3';
import { BoundedMap } from '../../bounded-map';

const LIMIT = 500;

/**
 * drizzle prepares every query afresh: SQLite parses and plans the same SQL on every request.
 * This keeps the most recently used statements per connection (the SQL text is the key) and
 * hands them out again in their default mode: drizzle switches some to raw rows.
 */
export function cacheStatements(client: Database.Database): void {
	const prepare = client.prepare.bind(client);
	const cache = new BoundedMap<string, Database.Statement>(LIMIT);
	client.prepare = ((source: string) => {
		const cached = cache.get(source);
		if (cached && !cached.busy) {
			cache.delete(source);
			cache.set(source, cached);
			if (cached.reader) cached.raw(false);
			return cached;
		}
		const statement = prepare(source);
		cache.set(source, statement);
		return statement;
	}) as typeof client.prepare;
}
