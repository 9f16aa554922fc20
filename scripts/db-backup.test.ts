import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run db:backup` as an operator runs it, against databases in temporary folders.

const script = resolve(import.meta.dirname, 'db-backup.ts');
const tsx = resolve(import.meta.dirname, '../node_modules/.bin/tsx');

function backup(cwd: string, env: Record<string, string>, args: string[] = []) {
	const { DATABASE_PATH: _unset, ...rest } = process.env;
	return spawnSync(tsx, [script, ...args], { cwd, env: { ...rest, ...env }, encoding: 'utf8' });
}

describe('db:backup', () => {
	it('names DATABASE_PATH in one German line and creates nothing when the database is missing', () => {
		const cwd = mkdtempSync(join(tmpdir(), 'backup-cwd-'));
		const result = backup(cwd, { DATABASE_PATH: join(cwd, 'fehlt.db') });
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toMatch(/^Keine Datenbank unter .*fehlt\.db \(DATABASE_PATH\)/);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(readdirSync(cwd)).toEqual([]);
	});

	it('writes only the backup file, readable by its owner alone', () => {
		const dir = mkdtempSync(join(tmpdir(), 'backup-'));
		const source = join(dir, 'live.db');
		const live = new Database(source);
		live.pragma('journal_mode = WAL');
		live.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('eins')");
		const target = join(dir, 'sicherung', 'kopie.db');
		const result = backup(dir, { DATABASE_PATH: source }, [target]);
		live.close();
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(readdirSync(join(dir, 'sicherung'))).toEqual(['kopie.db']);
		expect(statSync(target).mode & 0o777).toBe(0o600);
		const copy = new Database(target, { readonly: true });
		expect(copy.prepare('SELECT x FROM t').pluck().get()).toBe('eins');
		copy.close();
		expect(existsSync(`${target}-wal`)).toBe(false);
	});
});
