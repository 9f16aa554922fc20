import { realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { ModuleLocation } from './build-index';

/**
 * Normalises a path inside a module folder as it arrives from a URL (already decoded).
 * Null for anything that could leave the folder or reveal what is not an asset.
 */
export function normaliseAssetPath(path: string): string | null {
	if (path.includes('\\') || path.includes('\0')) return null;
	const parts = path.split('/');
	if (parts.some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.'))) {
		return null;
	}
	// Markdown directly in the module folder is a page (quizzes hold their answers), never a file.
	if (parts.length === 1 && path.toLowerCase().endsWith('.md')) return null;
	return parts.join('/');
}

/** Absolute path of an asset file of the module at `location`, or null. */
export function resolveAssetFile(
	contentRoot: string,
	location: ModuleLocation,
	path: string
): string | null {
	const normalised = normaliseAssetPath(path);
	if (normalised === null) return null;
	const moduleRoot = resolve(contentRoot, 'courses', location.courseDir, location.moduleDir);
	try {
		const realRoot = realpathSync(moduleRoot);
		const real = realpathSync(resolve(moduleRoot, normalised));
		// A symlink must not lead out of the module folder.
		if (!real.startsWith(realRoot + sep)) return null;
		return statSync(real).isFile() ? real : null;
	} catch {
		return null;
	}
}
