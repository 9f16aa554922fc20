// `npm run db:backup [-- <target file>]`: copies the live database with SQLite's online backup
// API, so the server can keep running and writing while the copy is made.
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { databasePath } from '../src/lib/server/config/paths';

function defaultTarget(): string {
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
	return join(dirname(databasePath()), 'backups', `lernplattform-${stamp}.db`);
}

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

const source = databasePath();
// Checked before anything is created: a wrong DATABASE_PATH must not leave a backups folder.
if (!existsSync(source) || !statSync(source).isFile()) {
	fail(
		`Keine Datenbank unter ${source} (DATABASE_PATH): DATABASE_PATH des Servers setzen (unter systemd als dessen Benutzer aufrufen). / ` +
			`No database at ${source} (DATABASE_PATH): set the server's DATABASE_PATH (under systemd, run as its user).`
	);
}
const target = resolve(process.argv[2] ?? defaultTarget());

// The copy holds personal data: only the owner may read it, from the moment it is created.
process.umask(0o077);
try {
	mkdirSync(dirname(target), { recursive: true });
	const db = new Database(source, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	await db.backup(target);
	db.close();
} catch (error) {
	const reason = error instanceof Error ? error.message : String(error);
	fail(
		`Sicherung von ${source} nach ${target} fehlgeschlagen: ${reason}. / Backup failed: ${reason}.`
	);
}
chmodSync(target, 0o600);

// The copy carries the live database's WAL mode; switched off, no -wal/-shm files stay beside it
// (the server turns WAL on again when it opens a restored copy).
const copy = new Database(target);
copy.pragma('journal_mode = DELETE');
const integrity = copy.pragma('integrity_check', { simple: true });
copy.close();
for (const leftover of [`${target}-wal`, `${target}-shm`]) rmSync(leftover, { force: true });
if (integrity !== 'ok') fail(`Sicherung fehlerhaft (integrity_check: ${integrity}): ${target}`);
const megabytes = (statSync(target).size / 1024 / 1024).toFixed(2);
console.log(`Sicherung erstellt: ${target} (${megabytes} MB, integrity_check ok)`);
