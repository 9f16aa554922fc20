import type { IncomingMessage, ServerResponse } from 'node:http';

// `scripts/serve.js` starts adapter-node's server and offers every request to the function
// registered here before SvelteKit sees it. Whatever it answers skips building a `Request`,
// routing and the hooks, which cost more than the page itself (bench/README.md). Started
// without that script (`node build`, `vite dev`), every request goes through SvelteKit as usual.

/** Answers the request and returns true, or leaves it untouched and returns false. */
export type FrontDoor = (request: IncomingMessage, response: ServerResponse) => boolean;

/** A registry symbol, so the script outside the bundle finds the bundle's function. */
export const FRONT_DOOR = Symbol.for('lernplattform.frontDoor');

export function openFrontDoor(answer: FrontDoor): void {
	(globalThis as Record<symbol, unknown>)[FRONT_DOOR] = answer;
}

/** Offers the request to each door in turn. */
export function eitherDoor(...doors: FrontDoor[]): FrontDoor {
	return (request, response) => doors.some((door) => door(request, response));
}
