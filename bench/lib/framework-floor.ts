import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The same SvelteKit, adapter and CSP nonces as the app, one static page and nothing else: what
// the framework itself costs per request on this machine, next to nginx in the same run.
const FILES: Record<string, string> = {
	'package.json': '{ "name": "floor", "private": true, "type": "module" }',
	'svelte.config.js': `import adapter from '@sveltejs/adapter-node';
export default { kit: { adapter: adapter(), csp: { mode: 'auto', directives: { 'default-src': ['self'], 'script-src': ['self'] } } } };`,
	'vite.config.js': `import { sveltekit } from '@sveltejs/kit/vite';
export default { plugins: [sveltekit()] };`,
	'src/app.html': `<!doctype html>
<html lang="de"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" />%sveltekit.head%</head>
<body><div style="display: contents">%sveltekit.body%</div></body></html>`,
	'src/routes/+page.svelte': '<h1>Barrierefreiheit</h1><p>Eine Seite ohne Daten.</p>'
};

export interface FloorApp {
	url: string;
	stop(): void;
}

export async function startFrameworkFloor(port: number): Promise<FloorApp> {
	const dir = mkdtempSync(join(tmpdir(), 'lernplattform-floor-'));
	for (const [path, text] of Object.entries(FILES)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
	execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build'], {
		cwd: dir,
		stdio: 'ignore'
	});
	const child = spawn(process.execPath, ['build/index.js'], {
		cwd: dir,
		stdio: 'ignore',
		env: { ...process.env, PORT: String(port) }
	});
	const url = `http://localhost:${port}`;
	const stop = () => {
		child.kill();
		rmSync(dir, { recursive: true, force: true });
	};
	for (let tries = 0; tries < 100; tries += 1) {
		const up = await fetch(url).then(
			(response) => response.ok,
			() => false
		);
		if (up) return { url, stop };
		await new Promise((done) => setTimeout(done, 100));
	}
	stop();
	throw new Error('the bare SvelteKit page did not start');
}
