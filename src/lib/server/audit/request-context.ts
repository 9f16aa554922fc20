import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The client address of the request being handled, set once in hooks.server.ts: every audit
 * entry written while handling the request gets it without passing it through each function.
 */
const requestContext = new AsyncLocalStorage<{ ip: string | null }>();

export function withRequestIp<T>(ip: string | null, run: () => T): T {
	return requestContext.run({ ip }, run);
}

export function currentRequestIp(): string | null {
	return requestContext.getStore()?.ip ?? null;
}
