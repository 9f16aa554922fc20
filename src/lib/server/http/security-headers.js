// Plain JavaScript: scripts/serve.js reads it before the bundle loads (static files, below).

/**
 * Sent on every response; the Content-Security-Policy itself comes from svelte.config.js.
 * @type {Readonly<Record<string, string>>}
 */
const baseHeaders = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()'
};

/** One year; browsers then refuse plain HTTP to this host even when a link says `http://`. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers for an instance served at `origin` (the ORIGIN variable): HSTS only when it is
 * https, so a local `http://localhost` setup is never pinned to HTTPS.
 * @param {string | undefined} origin
 * @returns {Readonly<Record<string, string>>}
 */
export function securityHeadersFor(origin) {
	if (!origin?.toLowerCase().startsWith('https://')) return baseHeaders;
	return { ...baseHeaders, 'Strict-Transport-Security': HSTS };
}
