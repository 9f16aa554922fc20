import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBuildCurrent } from '../../scripts/build-freshness.js';

function project() {
	const root = mkdtempSync(join(tmpdir(), 'freshness-'));
	for (const dir of ['src/routes', 'src/lib/paraglide', 'build']) {
		mkdirSync(join(root, dir), { recursive: true });
	}
	writeFileSync(join(root, 'src/routes/+page.svelte'), '<h1>Hallo</h1>');
	writeFileSync(join(root, 'svelte.config.js'), 'export default {};');
	return root;
}
const touch = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe('npm start builds only when the sources changed', () => {
	it('builds when there is no build yet', () => {
		expect(isBuildCurrent(project())).toBe(false);
	});

	it('starts at once when the build is newer than every source', () => {
		const root = project();
		touch(join(root, 'src/routes/+page.svelte'), 1_000);
		touch(join(root, 'src/routes'), 1_000);
		touch(join(root, 'src/lib/paraglide'), 1_000);
		touch(join(root, 'src/lib'), 1_000);
		touch(join(root, 'src'), 1_000);
		touch(join(root, 'svelte.config.js'), 1_000);
		writeFileSync(join(root, 'build/index.js'), '');
		touch(join(root, 'build/index.js'), 2_000);
		expect(isBuildCurrent(root)).toBe(true);
		// Generated messages do not count: the build writes them itself.
		writeFileSync(join(root, 'src/lib/paraglide/messages.js'), '');
		expect(isBuildCurrent(root)).toBe(true);

		touch(join(root, 'src/routes/+page.svelte'), 3_000);
		expect(isBuildCurrent(root)).toBe(false);
	});
});
