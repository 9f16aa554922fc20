import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const PREFIX = 'lernplattform-lauf-';

/**
 * One folder per test run for every temporary folder the tests make (databases, uploads, keys,
 * mail copies, content repositories): the test files create hundreds and leave them, which
 * filled /tmp on developer machines. The config sets it as the workers' TMPDIR (os.tmpdir()
 * reads it); the folder goes when the run ends.
 */
export function runTempRoot(): string {
	// The config is read more than once per run (the projects, the workers): one folder for all.
	const current = process.env.TMPDIR;
	if (current && basename(current).startsWith(PREFIX)) return current;
	return mkdtempSync(join(tmpdir(), PREFIX));
}

export default function setup() {
	const root = process.env.TMPDIR;
	return () => {
		if (root && basename(root).startsWith(PREFIX)) rmSync(root, { recursive: true, force: true });
	};
}
