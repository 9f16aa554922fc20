// Runs before the browser tests: Playwright cannot download browsers on every machine, so on
// Debian/Ubuntu the system Chromium is used and installed here when missing (root only).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const isRoot = process.getuid?.() === 0;

if (!existsSync(chromium) && existsSync('/usr/bin/apt-get')) {
	if (isRoot) {
		console.log('Chromium fehlt – wird mit apt-get installiert …');
		execSync('apt-get update -qq && apt-get install -y -qq chromium', { stdio: 'inherit' });
	} else {
		console.log('Hinweis: Für die Browser-Tests bitte "sudo apt-get install chromium" ausführen.');
	}
}
