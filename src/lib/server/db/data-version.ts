import type Database from 'better-sqlite3';
import { getDb } from '.';

const statements = new WeakMap<Database.Database, Database.Statement>();

/**
 * A value that changes whenever anything is written to the database: by this connection
 * (`total_changes()`, triggers included) or by any other one, another process of a cluster or a
 * command-line script (`data_version`). A write rolled back changes it too, which costs only a
 * page rendered again. Kept pages are valid only at the version they were rendered at.
 */
export function databaseVersion(): string {
	const client = getDb().$client;
	let statement = statements.get(client);
	if (!statement) {
		statement = client
			.prepare('select total_changes() as own, data_version as others from pragma_data_version')
			.raw();
		statements.set(client, statement);
	}
	return (statement.get() as number[]).join(':');
}
