import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

// Unit test files share one module graph per worker (vite.config.ts, `isolate: false`): a module
// mocked there (`vi.mock`) is replaced for every file that runs after it in that worker, and
// tests elsewhere fail by file order. Files that mock live apart as *.mocked.test.ts.

describe('test files that replace modules', () => {
	it('are *.mocked.test.ts, which run in a module graph of their own', () => {
		const roots = ['src', 'scripts', 'tests/unit'];
		const offenders = roots
			.flatMap((root) => sourceFiles(root, '.ts'))
			.filter((file) => /\.test\.ts$/.test(file) && !/\.mocked\.test\.ts$/.test(file))
			.filter((file) => /\bvi\.(mock|doMock)\(/.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});
});
