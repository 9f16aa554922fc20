import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { MailConfig } from './config';
import type { OutboxMail } from './outbox';

/** Delivers one outbox mail; throws nodemailer's errors (classified in retry.ts). */
export interface MailTransport {
	kind: 'smtp' | 'file';
	send(mail: OutboxMail): Promise<void>;
	/** Checks the connection and login (SMTP); resolves when usable. */
	verify(): Promise<void>;
	close(): void;
}

function message(mail: OutboxMail, from: string): SendMailOptions {
	return {
		from,
		to: mail.toAddress,
		subject: mail.subject,
		text: mail.textBody ?? '',
		html: mail.htmlBody ?? undefined,
		messageId: mail.messageId,
		date: mail.createdAt,
		headers: mail.headers
	};
}

function smtpTransport(
	config: MailConfig,
	options: Parameters<typeof nodemailer.createTransport>[0]
) {
	// One connection, reused: the worker sends one mail after the other anyway.
	const transporter: Transporter = nodemailer.createTransport({
		...(options as object),
		pool: true,
		maxConnections: 1,
		maxMessages: 100
	});
	return {
		kind: 'smtp' as const,
		async send(mail: OutboxMail) {
			await transporter.sendMail(message(mail, config.from));
		},
		async verify() {
			await transporter.verify();
		},
		close: () => transporter.close()
	};
}

/** Without SMTP_URL: the exact message is written as `<mail dir>/<id>.eml`. */
function fileTransport(config: MailConfig): MailTransport {
	const composer = nodemailer.createTransport({
		streamTransport: true,
		buffer: true,
		newline: 'unix'
	});
	return {
		kind: 'file',
		async send(mail: OutboxMail) {
			const info = await composer.sendMail(message(mail, config.from));
			mkdirSync(config.mailDir, { recursive: true });
			const target = join(config.mailDir, `${mail.id}.eml`);
			// Written under a temporary name first: a crash never leaves half a file behind.
			writeFileSync(`${target}.tmp`, info.message as Buffer, { mode: 0o600 });
			renameSync(`${target}.tmp`, target);
		},
		async verify() {},
		close() {}
	};
}

export function createMailTransport(config: MailConfig): MailTransport | null {
	if (config.transport.kind === 'smtp') return smtpTransport(config, config.transport.options);
	if (config.transport.kind === 'file') return fileTransport(config);
	return null;
}
