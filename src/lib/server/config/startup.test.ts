import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb, openDatabase } from '../db';
import { exitOnStartupProblem, StartupProblem, unwritableFolderProblem } from './startup';

describe('start-up problems', () => {
	afterEach(() => {
		vi.restoreAllMocks();
		closeDb();
	});

	it('names the database path and the fix in one line when the database cannot be opened', () => {
		const dir = mkdtempSync(join(tmpdir(), 'startup-'));
		const notAFolder = join(dir, 'datei');
		writeFileSync(notAFolder, 'x');
		const thrown = (() => {
			try {
				openDatabase(join(notAFolder, 'lernplattform.db'));
			} catch (error) {
				return error;
			}
		})();
		expect(thrown).toBeInstanceOf(StartupProblem);
		const message = (thrown as StartupProblem).message;
		expect(message).toContain(join(notAFolder, 'lernplattform.db'));
		expect(message).toContain('DATABASE_PATH');
		expect(message).not.toContain('\n');
	});

	it('accepts a missing folder whose parent can be written (it will be created)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'startup-'));
		expect(unwritableFolderProblem(join(dir, 'neu', 'uploads'), 'UPLOAD_DIR')).toBeNull();
	});

	it('prints a start-up problem as its one line and exits non-zero; other errors propagate', () => {
		const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
			throw new Error('exited');
		});
		const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		expect(() =>
			exitOnStartupProblem(new StartupProblem('Der Ordner /x ist nicht beschreibbar.'))
		).toThrow('exited');
		expect(log).toHaveBeenCalledWith('Der Ordner /x ist nicht beschreibbar.');
		expect(exit).toHaveBeenCalledWith(1);
		expect(() => exitOnStartupProblem(new Error('bug'))).toThrow('bug');
	});
});
