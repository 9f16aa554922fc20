import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { helpMdsvexOptions } from './src/lib/help/mdsvex-options.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	// mdsvex compiles the app's own Markdown pages (help). Course content is data, rendered by
	// the server at run time, never compiled into the app.
	preprocess: [vitePreprocess(), mdsvex(helpMdsvexOptions)],
	// Without it every page loads a chunk of its own that only announces the Svelte version.
	compilerOptions: { discloseVersion: false },
	kit: {
		adapter: adapter(),
		// The browser asks the server which route a link leads to (one small request per new path,
		// and preloaded on hover) instead of loading the list of every route and its chunks up front:
		// ~6 KB gzip less JavaScript on every page, and the list of admin and trainer routes stays
		// private.
		router: { resolution: 'server' },
		// Test-only helpers (tests/support), importable from unit tests next to the code.
		alias: { $test: 'tests/support' },
		// The origin check moved to src/hooks.server.ts (src/lib/server/http/csrf.ts), identical
		// except for RFC 8058 one-click unsubscribe, which mail providers post without an Origin.
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'media-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
