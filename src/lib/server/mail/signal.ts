// Lets the outbox wake the worker of this process without importing it (the worker imports the
// outbox). Other processes find new mails on their next poll.

let listener: (() => void) | null = null;

export function onMailQueued(fn: (() => void) | null): void {
	listener = fn;
}

/**
 * Called inside the transaction that queued a mail. setImmediate runs after the synchronous
 * transaction has committed (or rolled back, and the worker then finds nothing).
 */
export function signalMailQueued(): void {
	if (listener) setImmediate(listener);
}

/** For work that will produce mails (e.g. a password reset request): run the worker soon. */
export const wakeMailWorker = signalMailQueued;
