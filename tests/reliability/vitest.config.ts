import { defineConfig } from 'vitest/config';
import { runTempRoot } from '../unit/temp-root.global';

// Each server's data folders land in one folder for the run, removed at its end.
if (process.env.VITEST) process.env.TMPDIR = runTempRoot();

// Black-box tests against the built app (`build/`), each starting its own server process on a
// port of its own (4501–4599), so two files run side by side (measured: 200 s of tests in 110 s).
export default defineConfig({
	test: {
		include: ['tests/reliability/**/*.test.ts'],
		environment: 'node',
		env: { TMPDIR: process.env.TMPDIR ?? '' },
		globalSetup: ['tests/unit/temp-root.global.ts'],
		testTimeout: 120_000,
		hookTimeout: 120_000,
		maxWorkers: 2
	}
});
