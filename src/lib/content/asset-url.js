// Plain JavaScript (with JSDoc types) because svelte.config.js imports it through the
// mdsvex preprocessor, which Node loads without a TypeScript step.

/** URL prefix under which files beside the Markdown are served (with access checks). */
export const ASSET_URL_PREFIX = '/medien';

/**
 * True for links that point at a file beside the Markdown: no scheme, not absolute,
 * not a fragment, not protocol-relative.
 * @param {string} url
 */
export function isRelativeUrl(url) {
	if (url === '' || url.startsWith('#') || url.startsWith('/')) return false;
	return !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

/**
 * Resolves a relative URL written in a file at `fromDir` (a folder path inside the module,
 * '' for the module folder itself) to a path inside the module folder.
 * Returns null when the path leaves the module folder or cannot be decoded.
 * @param {string} fromDir
 * @param {string} url
 * @returns {string | null}
 */
export function resolveModulePath(fromDir, url) {
	let path = url.replace(/[?#].*$/, '');
	try {
		path = decodeURIComponent(path);
	} catch {
		return null;
	}
	if (path.includes('\\') || path.includes('\0')) return null;
	/** @type {string[]} */
	const parts = fromDir ? fromDir.split('/') : [];
	for (const segment of path.split('/')) {
		if (segment === '' || segment === '.') continue;
		if (segment === '..') {
			if (parts.length === 0) return null;
			parts.pop();
		} else parts.push(segment);
	}
	return parts.length > 0 ? parts.join('/') : null;
}

/**
 * The public URL of a file inside a module folder.
 * @param {string} courseId
 * @param {string} moduleSlug
 * @param {string} modulePath path inside the module folder, e.g. `bilder/amt.png`
 */
export function assetUrl(courseId, moduleSlug, modulePath) {
	const encoded = modulePath.split('/').map(encodeURIComponent).join('/');
	return `${ASSET_URL_PREFIX}/${encodeURIComponent(courseId)}/${encodeURIComponent(moduleSlug)}/${encoded}`;
}

/**
 * Rewrites a relative URL to its asset URL, keeping `?query` and `#fragment`.
 * Other URLs and paths that leave the module folder come back unchanged.
 * @param {string} url
 * @param {{ courseId: string, moduleSlug: string, fromDir: string }} base
 */
export function rewriteRelativeUrl(url, base) {
	if (!isRelativeUrl(url)) return url;
	const path = resolveModulePath(base.fromDir, url);
	if (path === null) return url;
	const suffix = url.match(/[?#].*$/)?.[0] ?? '';
	return assetUrl(base.courseId, base.moduleSlug, path) + suffix;
}
