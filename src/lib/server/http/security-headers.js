/** Sent on every response; the Content-Security-Policy itself comes from svelte.config.js. */
const baseHeaders: Record<string, string> = {
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
 */
export function securityHeadersFor(origin: string | undefined): Record<string, string> {
	if (!origin?.toLowerCase().startsWith('https://')) return baseHeaders;
	return { ...baseHeaders, 'Strict-Transport-Security': HSTS };
}
