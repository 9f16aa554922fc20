import { dirname, join, resolve } from 'node:path';
import type { SMTPTransportOptions } from 'nodemailer';
import { databasePath } from '../config/paths';
import { environment, type Environment } from '../config/env';

/** How mails leave the server: over SMTP, or (no SMTP_URL) kept as .eml files for the Postausgang. */
export type MailTransportConfig =
	| { kind: 'smtp'; options: SMTPTransportOptions; display: string }
	| { kind: 'file' }
	/** SMTP_URL is set but unusable: mails wait in the queue until it is fixed. */
	| { kind: 'invalid' };

export interface MailConfig {
	transport: MailTransportConfig;
	from: string;
	/** Where kept mails are written as .eml files (also in SMTP mode nothing else is written). */
	mailDir: string;
	/** Links in mails point here and nowhere else. */
	origin: string;
	/** How long a process may hold a mail it is sending before another one may take it over. */
	leaseMs: number;
	/** Configuration mistakes, for the start-up log and the admin page. */
	problems: MailConfigProblem[];
}

export type MailConfigProblem =
	| { code: 'smtp_url_invalid' | 'smtp_url_no_host' }
	| { code: 'smtp_url_protocol'; protocol: string }
	| { code: 'origin_missing'; origin: string }
	| { code: 'from_invalid'; from: string };

/** Bounded, so a hanging server never holds a mail longer than the lease. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
const DEFAULT_LEASE_SECONDS = 120;

function parseSmtpUrl(
	raw: string,
	env: Environment
): { transport: MailTransportConfig } | { problem: MailConfigProblem } {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return { problem: { code: 'smtp_url_invalid' } };
	}
	if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
		return { problem: { code: 'smtp_url_protocol', protocol: url.protocol } };
	}
	if (!url.hostname) return { problem: { code: 'smtp_url_no_host' } };
	const secure = url.protocol === 'smtps:';
	const port = url.port ? Number(url.port) : secure ? 465 : 587;
	const user = env.SMTP_USER ?? decodeURIComponent(url.username);
	const pass = env.SMTP_PASSWORD ?? decodeURIComponent(url.password);
	const options: SMTPTransportOptions = {
		host: url.hostname,
		port,
		secure,
		...SMTP_TIMEOUTS,
		...(user ? { auth: { user, pass } } : {})
	};
	// The password never appears in logs or on the admin page.
	const display = `${url.protocol}//${user ? `${user}@` : ''}${url.hostname}:${port}`;
	return { transport: { kind: 'smtp', options, display } };
}

export function originFrom(env: Environment): string {
	const raw = env.ORIGIN ?? `http://localhost:${env.PORT ?? 3000}`;
	try {
		return new URL(raw).origin;
	} catch {
		return `http://localhost:${env.PORT ?? 3000}`;
	}
}

/** Reads the mail settings from the environment; never throws, mistakes land in `problems`. */
export function loadMailConfig(env: Environment = environment()): MailConfig {
	const problems: MailConfigProblem[] = [];
	const origin = originFrom(env);
	if (!env.ORIGIN) {
		problems.push({ code: 'origin_missing', origin });
	}
	let transport: MailTransportConfig = { kind: 'file' };
	if (env.SMTP_URL) {
		const parsed = parseSmtpUrl(env.SMTP_URL, env);
		if ('problem' in parsed) {
			problems.push(parsed.problem);
			transport = { kind: 'invalid' };
		} else {
			transport = parsed.transport;
		}
	}
	const host = new URL(origin).hostname;
	const from = env.MAIL_FROM?.trim() || `Lernplattform <noreply@${host}>`;
	if (!/@[^@\s>]+\.?[^@\s>]*>?\s*$/.test(from)) {
		problems.push({ code: 'from_invalid', from });
	}
	const leaseSeconds = Number(env.MAIL_LEASE_SECONDS ?? DEFAULT_LEASE_SECONDS);
	return {
		transport,
		from,
		mailDir: resolve(
			env.MAIL_DIR ??
				join(dirname(env.DATABASE_PATH ? resolve(env.DATABASE_PATH) : databasePath()), 'mail')
		),
		origin,
		leaseMs:
			(Number.isFinite(leaseSeconds) && leaseSeconds > 0 ? leaseSeconds : DEFAULT_LEASE_SECONDS) *
			1000,
		problems
	};
}
