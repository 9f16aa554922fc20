import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '.';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the database file', () => {
	it('is created readable by the server user only, whatever the umask, and so are its WAL files', () => {
		const previous = process.umask(0o022);
		try {
			const dir = join(mkdtempSync(join(tmpdir(), 'lernplattform-mode-')), 'neu');
			const path = join(dir, 'db.sqlite');
			const db = openDatabase(path);
			expect(modeOf(dir)).toBe(0o700);
			expect(modeOf(path)).toBe(0o600);
			expect(modeOf(`${path}-wal`)).toBe(0o600);
			expect(modeOf(`${path}-shm`)).toBe(0o600);
			db.$client.close();
		} finally {
			process.umask(previous);
		}
	});

	it('keeps the mode an operator gave an existing file', () => {
		const previous = process.umask(0o022);
		try {
			const path = join(mkdtempSync(join(tmpdir(), 'lernplattform-mode-')), 'db.sqlite');
			writeFileSync(path, '', { mode: 0o640 });
			const db = openDatabase(path);
			expect(modeOf(path)).toBe(0o640);
			db.$client.close();
		} finally {
			process.umask(previous);
		}
	});
});
