// Which browser the Playwright tests and benchmarks drive. Playwright cannot download browsers on
// these machines, so Debian's packages stand in: the headless shell (what Playwright itself runs
// headless; measured 25–45 % less CPU per test than the full browser on two cores), else the full
// `chromium`. CHROMIUM_PATH overrides both.
import { existsSync } from 'node:fs';

export const BROWSER_PACKAGE = 'chromium-headless-shell';

const candidates = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/** The executable to launch, or undefined to let Playwright use its own download. */
export function systemBrowserPath() {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	return candidates.find((path) => existsSync(path));
}

export const BROWSER_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];
