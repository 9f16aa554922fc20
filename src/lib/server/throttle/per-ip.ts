import { reserveSlots, type Limit } from './slots';

/** A per-address limit for a public endpoint; see `perIpThrottle`. */
export interface PerIpThrottle {
	readonly bucket: string;
	/** The limit in force now (read from the environment on every call, so tests can lower it). */
	limit(): Limit;
	/** Reserves one request for the address; false when its limit is used up. */
	take(ip: string, now?: Date): boolean;
	/** For a `Retry-After` header or a "try again in N minutes" message. */
	retryAfterSeconds(): number;
}

const positive = (raw: string | undefined, fallback: number) => {
	const value = Number(raw);
	return raw !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
};

/**
 * A reusable limit per client address for unauthenticated endpoints that do expensive work
 * (hashing a password, sending mail, looking up a code). Call `take` before the work:
 *
 *     const forgotLimit = perIpThrottle('forgot-password', { max: 5, windowSeconds: 900 },
 *       { max: 'FORGOT_LIMIT_IP' });
 *     if (!forgotLimit.take(event.getClientAddress())) return formFailure(429, { form: ... });
 *
 * Counted in SQLite, so the limit holds across server processes and parallel requests.
 */
export function perIpThrottle(
	bucket: string,
	defaults: { max: number; windowSeconds: number },
	env: { max?: string; windowSeconds?: string } = {}
): PerIpThrottle {
	const limit = (): Limit => ({
		max: positive(env.max && process.env[env.max], defaults.max),
		windowMs:
			positive(env.windowSeconds && process.env[env.windowSeconds], defaults.windowSeconds) * 1000
	});
	return {
		bucket,
		limit,
		take: (ip, now = new Date()) =>
			reserveSlots([{ bucket: `ip:${bucket}`, value: ip, limit: limit() }], now).ok,
		retryAfterSeconds: () => Math.ceil(limit().windowMs / 1000)
	};
}
