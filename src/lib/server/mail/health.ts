import { m } from '$lib/paraglide/messages.js';
import type { MailConfig, MailConfigProblem } from './config';

/** What this process knows about mail delivery, for the Postausgang page. */
export interface MailHealth {
	mode: 'smtp' | 'file' | 'invalid';
	/** smtp://user@host:port, never the password. */
	server: string | null;
	problems: MailConfigProblem[];
	connection: 'unchecked' | 'ok' | 'failed';
	connectionError: string | null;
	checkedAt: Date | null;
}

let health: MailHealth = {
	mode: 'file',
	server: null,
	problems: [],
	connection: 'unchecked',
	connectionError: null,
	checkedAt: null
};
const logged = new Set<string>();

/** Logs each distinct problem once per process: a broken server must not flood the log. */
function logOnce(text: string): void {
	if (logged.has(text)) return;
	logged.add(text);
	console.error(`[mail] ${text}`);
}

export function describeProblem(problem: MailConfigProblem, locale?: 'de' | 'en'): string {
	const o = locale ? { locale } : undefined;
	switch (problem.code) {
		case 'smtp_url_invalid':
			return m.mail_problem_smtp_url_invalid({}, o);
		case 'smtp_url_no_host':
			return m.mail_problem_smtp_url_no_host({}, o);
		case 'smtp_url_protocol':
			return m.mail_problem_smtp_url_protocol({ protocol: problem.protocol }, o);
		case 'origin_missing':
			return m.mail_problem_origin_missing({ origin: problem.origin }, o);
		case 'from_invalid':
			return m.mail_problem_from_invalid({ from: problem.from }, o);
	}
}

export function resetMailHealth(config: MailConfig): void {
	logged.clear();
	health = {
		mode: config.transport.kind,
		server: config.transport.kind === 'smtp' ? config.transport.display : null,
		problems: config.problems,
		connection: 'unchecked',
		connectionError: null,
		checkedAt: null
	};
	for (const problem of config.problems) logOnce(describeProblem(problem, 'de'));
}

export function recordConnectionOk(now = new Date()): void {
	health = { ...health, connection: 'ok', connectionError: null, checkedAt: now };
}

export function recordConnectionFailure(reason: string, now = new Date()): void {
	health = { ...health, connection: 'failed', connectionError: reason, checkedAt: now };
	logOnce(m.mail_problem_connection({ server: health.server ?? '', reason }, { locale: 'de' }));
}

export const getMailHealth = (): MailHealth => health;
