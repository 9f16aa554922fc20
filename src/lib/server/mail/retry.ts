// When to try a mail again, and whether a failure is worth another try. Pure, so it is tested
// without a mail server.

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** Waits after the 1st, 2nd, ... failed attempt; after the last one the mail is marked failed. */
export const RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR];

/** Delay before the next attempt after `attempts` failed ones, or null: give up. */
export function retryDelay(attempts: number): number | null {
	return RETRY_DELAYS_MS[attempts - 1] ?? null;
}

export interface SendFailure {
	/** The server refused this message for good (5xx to the recipient or the content). */
	permanent: boolean;
	/** The connection or the login failed: a problem of the configuration, not of this mail. */
	transport: boolean;
	/** For the Postausgang: code and server answer, without credentials. */
	reason: string;
}

interface SmtpError {
	code?: string;
	responseCode?: number;
	response?: string;
	permanent?: boolean;
	message?: string;
}

/** Errors about the whole connection, whatever the message: configuration or network. */
const TRANSPORT_CODES = new Set([
	'ECONNECTION',
	'ETIMEDOUT',
	'ESOCKET',
	'EDNS',
	'ETLS',
	'EAUTH',
	'ENOAUTH',
	'ECONFIG',
	'EPROXY',
	'ECONNREFUSED'
]);

/**
 * 5xx to the recipient or the message is permanent (RFC 5321; 503 excepted, as nodemailer does).
 * A 5xx to the login (535) is a configuration problem: the mail waits and is tried again, so
 * fixing the password delivers it.
 */
export function classifySendError(error: unknown): SendFailure {
	const e = (error ?? {}) as SmtpError;
	const transport = !!e.code && TRANSPORT_CODES.has(e.code);
	const messageRejected = e.code === 'EENVELOPE' || e.code === 'EMESSAGE';
	const permanent =
		!transport &&
		messageRejected &&
		(e.permanent ??
			(e.responseCode !== undefined && e.responseCode >= 500 && e.responseCode !== 503));
	const detail = (e.response ?? e.message ?? String(error)).replace(/\s+/g, ' ').trim();
	const reason = [e.responseCode ?? e.code, detail].filter(Boolean).join(': ').slice(0, 500);
	return { permanent, transport, reason };
}
