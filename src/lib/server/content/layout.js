// Plain JavaScript (with JSDoc types): shared by the content index (TypeScript) and the
// mdsvex preprocessor, which svelte.config.js loads without a TypeScript step.

/** IDs appear in URLs: lower-case letters, digits, single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Splits a file or folder name into its optional `NN-` order prefix and its slug.
 * @param {string} name file or folder name, without `.md`
 * @returns {{ prefix: number | null, slug: string }}
 */
export function splitOrderPrefix(name) {
	const match = /^(\d+)-(.+)$/.exec(name);
	if (!match) return { prefix: null, slug: name };
	return { prefix: Number(match[1]), slug: /** @type {string} */ (match[2]) };
}

/**
 * Orders names by their numeric prefix (names without one come last), then alphabetically.
 * @param {string} a
 * @param {string} b
 */
export function compareByOrderPrefix(a, b) {
	const pa = splitOrderPrefix(a).prefix ?? Number.POSITIVE_INFINITY;
	const pb = splitOrderPrefix(b).prefix ?? Number.POSITIVE_INFINITY;
	if (pa !== pb) return pa - pb;
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * @typedef {{ kind: 'course', courseDir: string }
 *   | { kind: 'module', courseDir: string, moduleDir: string }
 *   | { kind: 'item', courseDir: string, moduleDir: string, fileName: string }
 *   | { kind: 'asset', courseDir: string, moduleDir: string, modulePath: string }
 *   | { kind: 'stray' }} ContentPathKind
 */

/**
 * Classifies a path relative to the content folder, e.g. `courses/01-a/02-b/03-c.md`.
 * Markdown in subfolders of a module (transcripts) counts as an asset.
 * @param {string} path
 * @returns {ContentPathKind}
 */
export function classifyContentPath(path) {
	const parts = path.split('/');
	if (parts[0] !== 'courses' || parts.length < 3) return { kind: 'stray' };
	const courseDir = /** @type {string} */ (parts[1]);
	if (parts.length === 3) return parts[2] === 'course.md' ? { kind: 'course', courseDir } : { kind: 'stray' };
	const moduleDir = /** @type {string} */ (parts[2]);
	const rest = parts.slice(3);
	if (rest.length === 1 && rest[0] === 'module.md') return { kind: 'module', courseDir, moduleDir };
	if (rest.length === 1 && /** @type {string} */ (rest[0]).endsWith('.md')) {
		return { kind: 'item', courseDir, moduleDir, fileName: /** @type {string} */ (rest[0]) };
	}
	return { kind: 'asset', courseDir, moduleDir, modulePath: rest.join('/') };
}
