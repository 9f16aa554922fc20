import { building, dev } from '$app/environment';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { cookieExpiry, SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { createDueReminders } from '$lib/server/assignments/reminders';
import { issueDueCertificates, registerCertificateIssuing } from '$lib/server/certificates/issue';
import { initSigningKey } from '$lib/server/certificates/signing';
import { contentWatchWanted, warmContent, watchContentDir } from '$lib/server/content';
import { startContentHistory } from '$lib/server/studio/versions';
import { withRequestIp } from '$lib/server/audit';
import { getDb } from '$lib/server/db';
import { isDemoMode, seedDemoData } from '$lib/server/demo/seed';
import { processPasswordResetRequests } from '$lib/server/auth/password-reset';
import { exitOnStartupProblem, unwritableFolderProblem } from '$lib/server/config/startup';
import { uploadDir } from '$lib/server/config/paths';
import { isForbiddenCrossSitePost } from '$lib/server/http/csrf';
import { textDirection, withRequestLocale } from '$lib/server/http/request-locale';
import { answerBadFormsWith400, isFormBody } from '$lib/server/http/form-body';
import { securityHeadersFor } from '$lib/server/http/security-headers';
import {
	atMostEvery,
	registerMailProducer,
	startMailWorker,
	stopMailWorker
} from '$lib/server/mail';
import { queueDailyDigests } from '$lib/server/notifications/digest';
import { runRetention } from '$lib/server/privacy';
import { m } from '$lib/paraglide/messages.js';
import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { envText } from '$lib/server/config/env';

export const init: ServerInit = async () => {
	if (building) return;
	// Reads and checks CONTENT_DIR (filled from the shipped courses on first start); fails at
	// start, with the checker's German messages, if the content has errors.
	warmContent();
	if (contentWatchWanted(dev)) watchContentDir();
	// The studio's publishes are commits: CONTENT_DIR becomes a repository on first start.
	void startContentHistory().catch((problem) =>
		console.warn('Kursinhalt: Versionsverlauf konnte nicht angelegt werden:', problem)
	);
	try {
		getDb();
		// Certificate signing key: generated on first start in KEY_DIR (default data/keys).
		initSigningKey();
	} catch (problem) {
		exitOnStartupProblem(problem);
	}
	// Uploads are refused one by one with a message; the operator hears about it at start too.
	const uploads = unwritableFolderProblem(uploadDir(), 'UPLOAD_DIR');
	if (uploads) console.warn(uploads.message);
	registerCertificateIssuing();
	// "Due in 3 days" reminders for everyone, hourly; a dedupe key keeps each one single.
	const remind = () => {
		createDueReminders(new Date());
		void issueDueCertificates(new Date());
	};
	remind();
	setInterval(remind, 60 * 60 * 1000).unref();
	if (isDemoMode()) await seedDemoData();
	// Mail: a bad configuration is logged once here; sending runs in the background and never
	// holds up a request. Without SMTP_URL mails are kept (Postausgang, .eml files).
	// Retention (deletion requests after the grace period, inactive accounts, ended cohorts, old
	// audit entries): at start and daily; idempotent, so several processes may run it.
	const retain = () =>
		void runRetention(new Date())
			.then((run) => {
				if (Object.values(run).some((count) => count > 0)) {
					console.info(
						`Löschfristen: ${run.warned} Hinweis(e), ${run.accountsDeleted} Konto/Konten und ` +
							`${run.cohortDataDeleted} Lehrgangsdaten gelöscht, ${run.eventRegistrationsPurged} alte Veranstaltungsanmeldungen, ${run.auditEntriesPurged} alte Protokolleinträge entfernt.`
					);
				}
			})
			.catch((problem) => console.error('Löschfristen:', problem));
	retain();
	setInterval(retain, 24 * 60 * 60 * 1000).unref();
	registerMailProducer(processPasswordResetRequests);
	registerMailProducer(atMostEvery(10 * 60 * 1000, queueDailyDigests));
	startMailWorker();
	process.once('sveltekit:shutdown', () => void stopMailWorker());
};

const handleCsrf: Handle = ({ event, resolve }) => {
	// SvelteKit checks only in production too (svelte.config.js explains why the check is here).
	if (!dev && isForbiddenCrossSitePost(event.request, event.url)) {
		return new Response(`Cross-site ${event.request.method} form submissions are forbidden`, {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	return resolve(event);
};

const handleLocale: Handle = ({ event, resolve }) =>
	withRequestLocale(event.request, event.url.origin, (locale) =>
		resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%lang%', locale).replace('%dir%', textDirection(locale))
		})
	);

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	const result = token ? validateSessionToken(token) : null;
	if (token && result) setSessionCookie(event.cookies, token, cookieExpiry(result.session));
	else if (token) deleteSessionCookie(event.cookies);
	event.locals.user = result?.user ?? null;
	event.locals.session = result?.session ?? null;
	return resolve(event);
};

/**
 * Audit entries written while handling the request record its client address. Behind a proxy
 * (ADDRESS_HEADER) a request without the header has none: that must not fail the request here;
 * the routes that need an address still ask for it themselves.
 */
const handleAuditContext: Handle = ({ event, resolve }) => {
	let ip: string | null = null;
	try {
		ip = event.getClientAddress();
	} catch {
		// no address header: audited without an IP
	}
	return withRequestIp(ip, () => resolve(event));
};

const headers = securityHeadersFor(envText('ORIGIN'));

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(headers)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	// Personal pages must not be cached; endpoints that set their own policy (lesson media) keep it.
	if (event.locals.user && !response.headers.has('Cache-Control')) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

/** Form posts only (the app has no JSON endpoints): anything else is a 400, not a logged 500. */
const handleBody: Handle = ({ event, resolve }) => {
	const { request } = event;
	if (request.method === 'GET' || request.method === 'HEAD') return resolve(event);
	const message = () => m.security_error_bad_form();
	if (!isFormBody(request)) error(400, { message: message(), detail: message() });
	answerBadFormsWith400(request, message);
	return resolve(event);
};

export const handle = sequence(
	handleAuditContext,
	handleHeaders,
	handleCsrf,
	handleLocale,
	handleBody,
	handleSession
);

export const handleError: HandleServerError = ({ error: thrown, event, status, message }) => {
	if (status === 404) return { message: 'Not Found' };
	// A client's mistake that SvelteKit itself caught (wrong method, unknown action): one line.
	if (status < 500) {
		console.warn(`[${status}] ${event.request.method} ${event.url.pathname}: ${message}`);
		return { message };
	}
	const errorId = crypto.randomUUID().slice(0, 8);
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, thrown);
	return { message: 'Internal Error', errorId };
};
