import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Everything the build is made from: a change to any of them makes the build stale. */
const SOURCES = [
	'src',
	'messages',
	'static',
	'project.inlang/settings.json',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];
const BUILD_ENTRY = 'build/index.js';

/** @param {string} path @returns {number} */
function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stats = statSync(path);
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs;
	for (const entry of readdirSync(path)) {
		// Generated during the build itself; it would always look newer.
		if (entry === 'paraglide') continue;
		newest = Math.max(newest, newestMtime(join(path, entry)));
	}
	return newest;
}

/** True when build/ exists and no source is newer than it. */
export function isBuildCurrent(root = '.') {
	const entry = join(root, BUILD_ENTRY);
	if (!existsSync(entry)) return false;
	const built = statSync(entry).mtimeMs;
	return SOURCES.every((source) => newestMtime(join(root, source)) <= built);
}
