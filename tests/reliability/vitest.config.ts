import { defineConfig } from 'vitest/config';

// Black-box tests against the built app (`build/`), each starting its own server process.
export default defineConfig({
	test: {
		include: ['tests/reliability/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});
