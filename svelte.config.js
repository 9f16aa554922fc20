import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import {
	contentMdsvexOptions,
	contentPreprocessor
} from './src/lib/server/content/mdsvex-preprocess.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	// Course Markdown: contentPreprocessor prepares content/**.md before mdsvex compiles it.
	preprocess: [vitePreprocess(), contentPreprocessor(), mdsvex(contentMdsvexOptions())],
	kit: {
		adapter: adapter(),
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
