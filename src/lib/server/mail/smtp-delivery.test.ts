import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '$test/smtp-sink';
import { createUser } from '../auth/users';
import { useFreshDatabase } from '$test/unit/test-database';
import { loadMailConfig } from './config';
import { getMailHealth, resetMailHealth } from './health';
import { claimNextMail, getOutboxMail, listOutbox, markDelivered, queueMail } from './outbox';
import { RETRY_DELAYS_MS } from './retry';
import { createMailTransport } from './transport';
import { createMailWorker } from './worker';

const ORIGIN = 'https://lernen.example.org';
const SMTP_PORT = 6511;
const CLOSED_PORT = 6512;

let sink: SmtpSink;
beforeAll(async () => {
	sink = await startSmtpSink(SMTP_PORT);
});
afterAll(() => sink.close());

let userId: string;
beforeEach(async () => {
	useFreshDatabase();
	process.env.ORIGIN = ORIGIN;
	sink.received = [];
	sink.attempts = 0;
	sink.decide = () => ({ accept: true });
	userId = (
		await createUser({
			email: 'aylin@example.org',
			name: 'Aylin Demir',
			password: 'pw-pw-pw-pw-1',
			role: 'learner'
		})
	).id;
});

/** A worker against the sink whose clock the test moves. */
function worker(smtpUrl = sink.url) {
	let now = Date.now();
	const config = loadMailConfig({ ...process.env, SMTP_URL: smtpUrl });
	resetMailHealth(config);
	const instance = createMailWorker({ config, workerId: 'test:1', clock: () => new Date(now) });
	return {
		drain: () => instance.drain(),
		advance: (ms: number) => (now += ms),
		stop: () => instance.stop()
	};
}

function queueFeedback(title = 'Gespräch über Trainer*innen') {
	queueMail({
		userId,
		to: 'aylin@example.org',
		locale: 'de',
		content: {
			kind: 'feedback_received',
			name: 'Aylin Demir',
			trainerName: 'Katrin Weber',
			itemTitle: title,
			decision: 'revision_requested',
			excerpt: 'Bitte ergänzen Sie den Abschnitt über Dolmetschen.',
			path: '/aufgaben/kurs/modul/aufgabe'
		},
		unsubscribePath: '/abbestellen/abcdefghijklmnopqrstuvwxyz234567/rueckmeldungen'
	});
	return listOutbox({}).rows[0]!.id;
}

describe('delivery to a real SMTP server', () => {
	it('arrives with Message-ID, Date, an encoded subject with umlauts and *, and RFC 8058 headers', async () => {
		const id = queueFeedback();
		const w = worker();
		await w.drain();
		await w.stop();
		expect(sink.received).toHaveLength(1);
		const [mail] = sink.received;
		const stored = getOutboxMail(id)!;
		expect(stored.status).toBe('sent');
		expect(mail!.messageId).toBe(stored.messageId);
		expect(stored.messageId).toMatch(/^<[a-z2-7]{16}@lernen\.example\.org>$/);
		expect(mail!.parsed.date).toBeInstanceOf(Date);
		expect(mail!.raw).toMatch(/^Date: .+$/m);
		// The raw header is MIME-encoded (non-ASCII and * are not left bare); decoded it reads right.
		const rawSubject = mail!.raw.match(/^Subject: (.+(?:\r?\n[ \t].+)*)/m)![1]!;
		expect(rawSubject).toMatch(/=\?UTF-8\?[QB]\?/i);
		expect(mail!.parsed.subject).toBe(
			'Überarbeitung erbeten: Ihre Praxisaufgabe „Gespräch über Trainer*innen“'
		);
		const unfolded = mail!.raw.replace(/\r?\n[ \t]+/g, ' ');
		expect(unfolded).toContain(
			`List-Unsubscribe: <${ORIGIN}/abbestellen/abcdefghijklmnopqrstuvwxyz234567/rueckmeldungen>`
		);
		expect(unfolded).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
		expect(mail!.parsed.headers.get('auto-submitted')).toBe('auto-generated');
		expect(mail!.to).toEqual(['aylin@example.org']);
		expect(mail!.parsed.text).toContain('Katrin Weber hat Ihre Praxisaufgabe');
		expect(mail!.parsed.text).toContain('> Bitte ergänzen Sie den Abschnitt über Dolmetschen.');
		expect(mail!.parsed.html).toContain('<html lang="de"');
		expect(mail!.parsed.html).not.toMatch(/<img/i);
	});

	it('retries after a temporary rejection (4xx) and delivers exactly once', async () => {
		const id = queueFeedback();
		sink.decide = (_raw, attempt) =>
			attempt === 1
				? { accept: false, code: 451, message: 'Greylisted, try again later' }
				: { accept: true };
		const w = worker();
		await w.drain();
		let stored = getOutboxMail(id)!;
		expect(stored).toMatchObject({ status: 'queued', attempts: 1 });
		expect(stored.lastError).toContain('451');
		// Not before the first backoff step has passed ...
		w.advance(RETRY_DELAYS_MS[0]! - 1000);
		await w.drain();
		expect(sink.attempts).toBe(1);
		w.advance(2000);
		await w.drain();
		await w.drain();
		await w.stop();
		stored = getOutboxMail(id)!;
		expect(stored).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
		expect(sink.received).toHaveLength(1);
	});

	it('marks a permanent rejection (5xx) as failed with the reason and does not retry', async () => {
		const id = queueFeedback();
		sink.decide = () => ({ accept: false, code: 550, message: 'Mailbox unavailable' });
		const w = worker();
		await w.drain();
		w.advance(24 * 60 * 60 * 1000);
		await w.drain();
		await w.stop();
		expect(sink.attempts).toBe(1);
		const failed = listOutbox({ status: 'failed' });
		expect(failed.rows.map((row) => row.id)).toEqual([id]);
		expect(failed.rows[0]!.lastError).toMatch(/550.*Mailbox unavailable/);
	});

	it('treats a refused connection as temporary, reports it, and gives up after the last backoff', async () => {
		const id = queueFeedback();
		const w = worker(`smtp://127.0.0.1:${CLOSED_PORT}`);
		await w.drain();
		expect(getOutboxMail(id)).toMatchObject({ status: 'queued', attempts: 1 });
		expect(getMailHealth()).toMatchObject({ connection: 'failed' });
		expect(getMailHealth().connectionError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
		for (const delay of RETRY_DELAYS_MS) {
			w.advance(delay);
			await w.drain();
		}
		await w.stop();
		expect(getOutboxMail(id)).toMatchObject({
			status: 'failed',
			attempts: RETRY_DELAYS_MS.length + 1
		});
	});

	it('removes the body of a mail with a personal link once it is sent', async () => {
		queueMail({
			userId,
			to: 'aylin@example.org',
			locale: 'de',
			content: {
				kind: 'password_reset',
				name: 'Aylin',
				path: '/passwort-zuruecksetzen/x',
				validMinutes: 60
			}
		});
		const id = listOutbox({}).rows[0]!.id;
		expect(getOutboxMail(id)!.textBody).toContain('/passwort-zuruecksetzen/x');
		const w = worker();
		await w.drain();
		await w.stop();
		expect(sink.received[0]!.parsed.text).toContain('/passwort-zuruecksetzen/x');
		expect(getOutboxMail(id)).toMatchObject({ status: 'sent', textBody: null });
	});
});

describe('several senders', () => {
	it('two workers draining the same outbox at once send every mail exactly once', async () => {
		for (let i = 0; i < 20; i += 1) queueFeedback(`Aufgabe ${i}`);
		const config = loadMailConfig({ ...process.env, SMTP_URL: sink.url });
		const a = createMailWorker({ config, workerId: 'a' });
		const b = createMailWorker({ config, workerId: 'b' });
		await Promise.all([a.drain(), b.drain()]);
		await Promise.all([a.stop(), b.stop()]);
		const ids = sink.received.map((mail) => mail.messageId);
		expect(ids).toHaveLength(20);
		expect(new Set(ids).size).toBe(20);
		expect(listOutbox({ status: 'sent' }).total).toBe(20);
	});

	it('a sender that died after the server accepted a mail: sent again once, same Message-ID', async () => {
		// The documented at-least-once edge: between the server's "250 OK" and the outcome being
		// written, a crash loses the outcome. The lease runs out and another sender repeats it.
		const id = queueFeedback();
		const config = loadMailConfig({ ...process.env, SMTP_URL: sink.url, MAIL_LEASE_SECONDS: '60' });
		const now = Date.now();
		const claimed = claimNextMail('crashed:1', new Date(now), config.leaseMs)!;
		const transport = createMailTransport(config)!;
		await transport.send(claimed);
		transport.close();
		// No outcome recorded: the process "died" here.
		expect(claimNextMail('other:2', new Date(now + 59_000), config.leaseMs)).toBeUndefined();
		const later = createMailWorker({
			config,
			workerId: 'other:2',
			clock: () => new Date(now + 61_000)
		});
		await later.drain();
		await later.stop();
		expect(sink.received).toHaveLength(2);
		expect(sink.received[1]!.messageId).toBe(sink.received[0]!.messageId);
		expect(getOutboxMail(id)).toMatchObject({ status: 'sent', attempts: 2, claimedBy: 'other:2' });
		// The dead sender's late report no longer counts.
		expect(markDelivered(claimed, 'sent')).toBe(false);
	});
});
