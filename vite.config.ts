import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { kitCachedMatchers } from './scripts/vite/kit-cached-matchers.ts';
import { kitUnsentPageData } from './scripts/vite/kit-unsent-page-data.ts';
import { paraglideCachedPlurals } from './scripts/vite/paraglide-cached-plurals.ts';
import { runTempRoot } from './tests/unit/temp-root.global.ts';

// Only for test runs: a build or the dev server makes no temporary folder.
if (process.env.VITEST) process.env.TMPDIR = runTempRoot();

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale']
		}),
		paraglideCachedPlurals(),
		kitUnsentPageData(),
		kitCachedMatchers(),
		sveltekit()
	],
	test: {
		environment: 'node',
		// Unit tests read the frozen fixture courses in place (they never write content), checked
		// once per run and live in every test file from the start.
		env: { CONTENT_DIR: 'tests/fixtures/catalogue', TMPDIR: process.env.TMPDIR ?? '' },
		globalSetup: ['tests/unit/temp-root.global.ts', 'tests/unit/test-content.global.ts'],
		setupFiles: ['tests/unit/test-content.setup.ts'],
		testTimeout: 20_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: ['**/*.mocked.test.ts'],
					// Files share one module graph per worker: importing the app's modules once instead
					// of once per file cut the run from ~5.5 to ~1.3 minutes. Each file opens its own
					// database with useFreshDatabase(), so no state leaks between files (checked with
					// shuffled file order).
					isolate: false
				}
			},
			{
				// vi.mock() replaces a module for one file only if that file has its own module graph.
				extends: true,
				test: { name: 'mocked', include: ['src/**/*.mocked.test.ts'], isolate: true }
			}
		]
	}
});
