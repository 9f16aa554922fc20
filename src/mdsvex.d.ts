// mdsvex compiles the app's own Markdown pages (src/routes/hilfe) to Svelte components.
declare module '*.md' {
	import type { Component } from 'svelte';
	const component: Component;
	export default component;
}
