import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

// Test helpers live in tests/support (imported as $test/…), not beside production code.

describe('production code under src/', () => {
	it('never imports the test runner or the test helpers outside test files', () => {
		const offenders = sourceFiles('src', '.ts')
			.filter((file) => !/\.test\.ts$/.test(file))
			.filter((file) => /from '(vitest|\$test\/[^']+)'/.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});
});
