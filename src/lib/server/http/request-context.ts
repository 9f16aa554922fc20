import { AsyncLocalStorage } from 'node:async_hooks';
import { overwriteServerAsyncLocalStorage, type Locale } from '$lib/paraglide/runtime';

/** What code deep inside a request needs without passing it through every function. */
export interface RequestContext {
	/** The language message functions answer in (paraglide reads it from here). */
	locale: Locale;
	origin: string;
	/** The client address audit entries record; null behind a proxy without the header. */
	ip: string | null;
}

// One store for the locale and the client address: every AsyncLocalStorage that is active
// copies itself into each promise a request creates (a second store cost the lesson page 4 %).
// Paraglide's own middleware would clone every request for URL-based locales this app has no use
// for, so the store is handed to its message functions directly.
const storage = new AsyncLocalStorage<Partial<RequestContext>>();
overwriteServerAsyncLocalStorage(storage);

export function withRequestContext<T>(context: RequestContext, run: () => T): T {
	return storage.run(context, run);
}

export function currentRequestIp(): string | null {
	return storage.getStore()?.ip ?? null;
}
