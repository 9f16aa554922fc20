import { execFileSync } from 'node:child_process';
import { hasNginx } from './static-ceiling';
import { hasWrk } from './wrk';

/** wrk and nginx are Debian packages; the bench installs them when it may. */
export function ensureTools(): void {
	if (hasWrk() && hasNginx()) return;
	if (process.getuid?.() !== 0) {
		throw new Error('Die Messung braucht wrk und nginx: apt-get install -y wrk nginx-light');
	}
	execFileSync('apt-get', ['install', '-y', '-q', 'wrk', 'nginx-light'], { stdio: 'inherit' });
}
