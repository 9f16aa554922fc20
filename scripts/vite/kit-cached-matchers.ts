import type { Plugin } from 'vite';

// SvelteKit's server manifest imports the param matchers (src/params) with `await import()` on
// every request that it routes: six dynamic imports of modules loaded long ago, 2–3 % of the
// server's CPU on a lesson page, spent in Node's module loader (SvelteKit 2.70 and 3.4; it keeps
// the page nodes' imports, but not these). This edit lets the server import them once. Only in
// the build: the dev server reloads matchers when they change. If SvelteKit changes the spot, the
// build stops here instead of silently importing per request again.

const FILE = '/@sveltejs/kit/src/runtime/server/index.js';

const ANCHOR = `		this.#manifest = manifest;
`;

/** Runs in the Server constructor, where `manifest` is the app's manifest. */
export const IMPORT_MATCHERS_ONCE = `		const import_matchers = manifest._.matchers;
		/** @type {ReturnType<typeof import_matchers> | undefined} */
		let matchers;
		manifest._.matchers = () => (matchers ??= import_matchers());
`;

/** True for SvelteKit's server module, the one this plugin edits. */
export const isKitServerModule = (id: string): boolean => id.split('?')[0]!.endsWith(FILE);

/** The server module's source with the matchers imported once; throws if the spot has changed. */
export function importMatchersOnce(source: string): string {
	if (!source.includes(ANCHOR)) {
		throw new Error(
			`kit-cached-matchers: ${FILE} has changed; update scripts/vite/kit-cached-matchers.ts`
		);
	}
	return source.replace(ANCHOR, ANCHOR + IMPORT_MATCHERS_ONCE);
}

export function kitCachedMatchers(): Plugin {
	return {
		name: 'kit-cached-matchers',
		apply: 'build',
		transform(code, id) {
			if (!isKitServerModule(id)) return null;
			return { code: importMatchersOnce(code), map: null };
		}
	};
}
