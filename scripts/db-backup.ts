// `npm run db:backup [-- <target file>]`: copies the live database with SQLite's online backup
// API, so the server can keep running and writing while the copy is made.
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { databasePath } from '../src/lib/server/config/paths';

function defaultTarget(): string {
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
	return join(dirname(databasePath()), 'backups', `lernplattform-${stamp}.db`);
}

const source = databasePath();
const target = resolve(process.argv[2] ?? defaultTarget());
mkdirSync(dirname(target), { recursive: true });

const db = new Database(source, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
await db.backup(target);
db.close();

const copy = new Database(target, { readonly: true });
const integrity = copy.pragma('integrity_check', { simple: true });
copy.close();
if (integrity !== 'ok') {
	console.error(`Sicherung fehlerhaft (integrity_check: ${integrity}): ${target}`);
	process.exit(1);
}
const megabytes = (statSync(target).size / 1024 / 1024).toFixed(2);
console.log(`Sicherung erstellt: ${target} (${megabytes} MB, integrity_check ok)`);
