import { hostname } from 'node:os';
import { loadMailConfig, type MailConfig } from './config';
import { recordConnectionFailure, recordConnectionOk, resetMailHealth } from './health';
import {
	claimNextMail,
	deleteOldMails,
	markDelivered,
	markFailed,
	markForRetry,
	type OutboxMail
} from './outbox';
import { classifySendError, retryDelay } from './retry';
import { onMailQueued } from './signal';
import { createMailTransport, type MailTransport } from './transport';

/**
 * Sends the outbox, one mail at a time: claim (with a lease), send, record the outcome, then the
 * next. Delivery is at least once: if the process dies after the server accepted a mail but
 * before the outcome is recorded, the lease runs out and the mail is sent again, with the same
 * Message-ID. Because a process holds one mail at a time, a crash repeats at most that one mail.
 */
export interface MailWorker {
	/** Sends everything due now; resolves with the number of mails handled. */
	drain(): Promise<number>;
	stop(): Promise<void>;
}

/** Work that turns stored requests into mails (e.g. password resets, digests); runs before each drain. */
export type MailProducer = (now: Date) => void;

const producers: MailProducer[] = [];

export function registerMailProducer(producer: MailProducer): void {
	if (!producers.includes(producer)) producers.push(producer);
}

/** Wraps a producer so it runs at most once per interval in this process (e.g. digests). */
export function atMostEvery(intervalMs: number, producer: MailProducer): MailProducer {
	let last = 0;
	return (now) => {
		if (now.getTime() - last < intervalMs) return;
		last = now.getTime();
		producer(now);
	};
}

const POLL_MS = 5_000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

export function createMailWorker(
	options: { config?: MailConfig; workerId?: string; clock?: () => Date } = {}
): MailWorker {
	const config = options.config ?? loadMailConfig();
	const workerId = options.workerId ?? `${hostname()}:${process.pid}`;
	const clock = options.clock ?? (() => new Date());
	const transport: MailTransport | null = createMailTransport(config);
	let stopped = false;
	let running: Promise<number> | null = null;
	let again = false;
	let lastPurge = 0;

	async function deliver(mail: OutboxMail): Promise<void> {
		if (!transport) return;
		try {
			await transport.send(mail);
			markDelivered(mail, transport.kind === 'smtp' ? 'sent' : 'kept', clock());
			if (transport.kind === 'smtp') recordConnectionOk(clock());
		} catch (error) {
			const failure = classifySendError(error);
			if (failure.transport) recordConnectionFailure(failure.reason, clock());
			const delay = failure.permanent ? null : retryDelay(mail.attempts);
			if (delay === null) markFailed(mail, failure.reason);
			else markForRetry(mail, failure.reason, new Date(clock().getTime() + delay));
		}
	}

	function produce(now: Date): void {
		for (const producer of producers) {
			try {
				producer(now);
			} catch (error) {
				console.error('[mail] producer failed', error);
			}
		}
		if (now.getTime() - lastPurge >= PURGE_EVERY_MS) {
			lastPurge = now.getTime();
			deleteOldMails(now);
		}
	}

	async function run(): Promise<number> {
		let handled = 0;
		do {
			again = false;
			produce(clock());
			// A bad SMTP_URL: mails wait in the queue until the configuration is fixed.
			while (transport && !stopped) {
				const mail = claimNextMail(workerId, clock(), config.leaseMs);
				if (!mail) break;
				await deliver(mail);
				handled += 1;
			}
		} while (again && !stopped);
		return handled;
	}

	function drain(): Promise<number> {
		if (running) {
			again = true;
			return running;
		}
		running = run().finally(() => {
			running = null;
		});
		return running;
	}

	return {
		drain,
		async stop() {
			stopped = true;
			await running?.catch(() => 0);
			transport?.close();
		}
	};
}

let active: { worker: MailWorker; timer: NodeJS.Timeout } | null = null;

/** Logs a bad configuration once, checks the server in the background, then polls and sends. */
export function startMailWorker(config: MailConfig = loadMailConfig()): MailWorker {
	if (active) return active.worker;
	resetMailHealth(config);
	const worker = createMailWorker({ config });
	const drainSafely = () => {
		worker.drain().catch((error) => console.error('[mail] worker failed', error));
	};
	// Never awaited: a slow or unreachable server must not delay the start or any request.
	const probe = createMailTransport(config);
	if (probe?.kind === 'smtp') {
		probe
			.verify()
			.then(() => recordConnectionOk())
			.catch((error) => recordConnectionFailure(classifySendError(error).reason))
			.finally(() => probe.close());
	}
	onMailQueued(drainSafely);
	const timer = setInterval(drainSafely, POLL_MS);
	timer.unref();
	active = { worker, timer };
	drainSafely();
	return worker;
}

export async function stopMailWorker(): Promise<void> {
	if (!active) return;
	const { worker, timer } = active;
	active = null;
	clearInterval(timer);
	onMailQueued(null);
	await worker.stop();
}
