import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { Client } from './support/client';
import { openDb } from './support/database';

// Mail delivery of the built app against a real SMTP server in this process: a crash with a
// full queue, and two processes sending from one outbox.

const servers: AppServer[] = [];
const sinks: SmtpSink[] = [];
afterEach(async () => {
	for (const server of servers.splice(0)) await server.stop();
	for (const sink of sinks.splice(0)) await sink.close();
});
afterAll(async () => {
	for (const server of servers) await server.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, what: string, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(50);
	}
}

function outbox(app: AppServer) {
	const db = openDb(app.databasePath, true);
	try {
		return db.prepare('select message_id, status, claimed_by from mail_outbox').all() as {
			message_id: string;
			status: string;
			claimed_by: string | null;
		}[];
	} finally {
		db.close();
	}
}

/** An admin invites `count` addresses: each invitation queues one mail. */
async function inviteMany(app: AppServer, count: number, prefix: string) {
	const admin = new Client(app.url);
	await admin.login('admin@example.org');
	for (let i = 0; i < count; i += 1) {
		const response = await admin.post('/einladungen?/create', {
			role: 'learner',
			usage: 'single',
			email: `${prefix}-${i}@example.org`,
			validDays: '7'
		});
		expect(response.status).toBe(200);
	}
}

function expectEachOnce(sink: SmtpSink, app: AppServer) {
	const received = sink.received.map((mail) => mail.messageId);
	const stored = outbox(app).map((row) => row.message_id);
	expect(new Set(received).size, 'no mail arrived twice').toBe(received.length);
	expect([...received].sort()).toEqual([...stored].sort());
	expect(outbox(app).every((row) => row.status === 'sent')).toBe(true);
}

describe('mail delivery of the running app', () => {
	it('after kill -9 with 100 mails queued and one in flight, a restart delivers all, none twice', async () => {
		const sink = await startSmtpSink(6521);
		sinks.push(sink);
		// The server holds the first message without answering until the app is dead: the mail
		// was in flight, not accepted.
		let release: () => void = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		sink.decide = async (_raw, attempt) => {
			if (attempt > 1) return { accept: true };
			await held;
			return { accept: false, code: 421, message: 'Connection lost' };
		};
		const env = { SMTP_URL: sink.url, MAIL_LEASE_SECONDS: '3' };
		const app = await startApp({ fixtureCourses: true, port: 4571, env });
		servers.push(app);
		await inviteMany(app, 100, 'absturz');
		await until(() => sink.attempts === 1 && outbox(app).length >= 100, '100 queued, 1 in flight');
		const before = outbox(app);
		expect(before.filter((row) => row.status === 'sending')).toHaveLength(1);
		expect(before.filter((row) => row.status === 'queued').length).toBeGreaterThanOrEqual(99);

		app.process.kill('SIGKILL');
		await app.stop();
		release();
		expect(sink.received).toHaveLength(0);

		const restarted = await startApp({
			fixtureCourses: true,
			port: 4571,
			dataDir: app.dataDir,
			env
		});
		servers.push(restarted);
		await until(() => sink.received.length >= before.length, 'all mails after the restart');
		await sleep(1500);
		expectEachOnce(sink, restarted);
		console.log(`kill -9: ${before.length} queued, ${sink.received.length} delivered once each`);
	});

	it('two app processes sending from one outbox deliver every mail exactly once', async () => {
		const sink = await startSmtpSink(6522);
		sinks.push(sink);
		// A slow server, so both processes are busy at the same time. A process sends what it queued
		// at once and finds other mails on its poll every 5 s (mail/worker.ts): two admins invite in
		// parallel (two connections, which the cluster hands to its workers in turn), and at 60 ms
		// per mail one process alone would need 6 s, longer than a poll (at 15 ms with one
		// connection the other process could miss every mail).
		sink.decide = async () => {
			await sleep(60);
			return { accept: true };
		};
		const app = await startApp({
			fixtureCourses: true,
			port: 4572,
			workers: 2,
			env: { SMTP_URL: sink.url }
		});
		servers.push(app);
		await Promise.all([inviteMany(app, 50, 'cluster-a'), inviteMany(app, 50, 'cluster-b')]);
		await until(
			() => outbox(app).length >= 100 && outbox(app).every((row) => row.status === 'sent'),
			'all mails sent'
		);
		await sleep(1500);
		expectEachOnce(sink, app);
		const senders = new Set(outbox(app).map((row) => row.claimed_by));
		expect(senders.size, 'both processes sent mails').toBe(2);
		console.log(`cluster: ${sink.received.length} mails, senders ${[...senders].join(', ')}`);
	});
});
