// Runs before the browser tests: Playwright cannot download browsers on every machine, so on
// Debian/Ubuntu a system Chromium is used and installed here when missing (root only).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BROWSER_PACKAGE, systemBrowserPath } from './system-browser.js';

const isRoot = process.getuid?.() === 0;

if (!systemBrowserPath() && existsSync('/usr/bin/apt-get')) {
	if (isRoot) {
		console.log(`Chromium fehlt – ${BROWSER_PACKAGE} wird mit apt-get installiert …`);
		execSync(`apt-get update -qq && apt-get install -y -qq ${BROWSER_PACKAGE}`, {
			stdio: 'inherit'
		});
	} else {
		console.log(`Hinweis: Für die Browser-Tests bitte "sudo apt-get install ${BROWSER_PACKAGE}".`);
	}
}
