import { defineConfig, devices } from '@playwright/test';
import { SERVER_ENV, SERVER_NODE_FLAGS } from './scripts/server-memory.js';
import { BROWSER_ARGS, systemBrowserPath } from './scripts/system-browser.js';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const executablePath = systemBrowserPath();
/** Debian's Chromium where present (no browser downloads on these machines), else Playwright's. */
const launchOptions = executablePath ? { executablePath, args: BROWSER_ARGS } : {};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	// Two cores run the server, argon2 and two browsers: on CI one retry absorbs a timing hiccup
	// (a retried pass is reported as flaky, so it stays visible).
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	// A guard against hangs, not a speed check: on CI's two cores a journey with several axe scans
	// takes ~45 s (measured), so the guard sits well above it; the longest journeys call
	// test.slow() (three times the guard) instead of setting numbers of their own.
	timeout: process.env.CI ? 120_000 : 60_000,
	// Two cores run the server, argon2 and two browsers at once: allow slow-but-correct steps.
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'de-DE',
		trace: 'retain-on-failure',
		launchOptions
	},
	projects: [
		// A studio publish checks the whole content folder, which content-live.spec.ts breaks on
		// purpose for a moment: the studio journeys wait for it (the rest runs alongside). Listed
		// first, so both start early and the workers are not left waiting at the end.
		{
			name: 'content-live',
			testMatch: /content-live\.spec\.ts/,
			use: { ...devices['Desktop Chrome'], launchOptions }
		},
		{
			name: 'studio',
			testMatch: /studio\.spec\.ts/,
			dependencies: ['content-live'],
			use: { ...devices['Desktop Chrome'], launchOptions }
		},
		{
			name: 'chromium',
			testIgnore: /(studio|content-live)\.spec\.ts/,
			use: { ...devices['Desktop Chrome'], launchOptions }
		}
	],
	webServer: {
		command: `node ${SERVER_NODE_FLAGS.join(' ')} tests/e2e/support/serve.js`,
		url: `http://localhost:${PORT}/anmelden`,
		env: { ...SERVER_ENV, E2E_PORT: String(PORT) },
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'pipe'
	}
});
