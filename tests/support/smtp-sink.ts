// A real SMTP server in the test process (the `smtp-server` package), recording what arrives.
// Tests decide per message whether to accept, reject temporarily (4xx) or for good (5xx).
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
	raw: string;
	parsed: ParsedMail;
	/** Message-ID as sent (with angle brackets). */
	messageId: string;
	to: string[];
	session: SMTPServerSession;
}

/** What to answer to a message: accept, or reject with an SMTP code. */
export type Verdict = { accept: true } | { accept: false; code: number; message: string };

export interface SmtpSink {
	port: number;
	url: string;
	received: ReceivedMail[];
	/** Decides about each message after its content arrived (may wait, e.g. to kill the sender). */
	decide: (raw: string, attempt: number) => Verdict | Promise<Verdict>;
	/** How many messages reached DATA, accepted or not. */
	attempts: number;
	waitFor(count: number, timeoutMs?: number): Promise<void>;
	close(): Promise<void>;
}

class SmtpReply extends Error {
	constructor(
		message: string,
		readonly responseCode: number
	) {
		super(message);
	}
}

/** Ports 6500–6599 are this suite's; pass a distinct one per test file. */
export async function startSmtpSink(port: number): Promise<SmtpSink> {
	const sink: SmtpSink = {
		port,
		url: `smtp://127.0.0.1:${port}`,
		received: [],
		decide: () => ({ accept: true }),
		attempts: 0,
		async waitFor(count, timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			while (sink.received.length < count) {
				if (Date.now() > deadline) {
					throw new Error(`expected ${count} mails, got ${sink.received.length}`);
				}
				await new Promise((resolve) => setTimeout(resolve, 25));
			}
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		// Open connections do not hold up the end of a test run.
		closeTimeout: 100,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', async () => {
				sink.attempts += 1;
				const raw = Buffer.concat(chunks).toString('utf8');
				const verdict = await sink.decide(raw, sink.attempts);
				if (!verdict.accept) return callback(new SmtpReply(verdict.message, verdict.code));
				const parsed = await simpleParser(raw);
				sink.received.push({
					raw,
					parsed,
					messageId: parsed.messageId ?? '',
					to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
					session
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	return sink;
}
