// Starts the built app: adapter-node's server (`build/index.js`, which reads PORT, HOST and the
// other variables from the README), with the app's front door before SvelteKit
// (src/lib/server/http/front-door.ts): requests it can answer without the framework, such as the
// public pages kept for visitors without a session, are answered there; all others go on to
// SvelteKit unchanged. `node build` still works, without that shortcut.
import { environmentProblems, listenProblem } from '../src/lib/server/config/env-check.js';
import { securityHeadersFor } from '../src/lib/server/http/security-headers.js';

// Wrong settings stop the start with one line each, before adapter-node reads them (it throws
// with a stack for some and silently misbehaves with others).
const problems = environmentProblems(process.env, { requireOrigin: true });
if (problems.length) {
	for (const problem of problems) console.error(problem);
	process.exit(1);
}

const { server } = await import(new URL('../build/index.js', import.meta.url).href);
/** @type {import('node:http').Server} */
const http = server.server;
// adapter-node listens without an error handler: a taken port would end in a stack trace.
http.on('error', (/** @type {NodeJS.ErrnoException & { port?: number }} */ error) => {
	console.error(listenProblem(error));
	process.exit(1);
});

/** @type {((request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => boolean) | undefined} */
const frontDoor = Reflect.get(globalThis, Symbol.for('lernplattform.frontDoor'));
const securityHeaders = Object.entries(securityHeadersFor(process.env.ORIGIN));
const svelteKit = http.listeners('request');
http.removeAllListeners('request');
http.on('request', (request, response) => {
	// adapter-node serves static files (/_app/…, favicon, robots.txt) before SvelteKit's hooks,
	// which send these headers on everything else: set here, a page's own values replace them.
	for (const [name, value] of securityHeaders) response.setHeader(name, value);
	let answered = false;
	try {
		answered = frontDoor?.(request, response) ?? false;
	} catch (error) {
		// The page is then rendered as usual; the failure is worth a line in the log.
		console.error('front door:', error);
	}
	if (!answered) for (const listener of svelteKit) listener.call(http, request, response);
});
