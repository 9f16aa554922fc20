import { reserveSlots, type Limit } from './slots';
import { envPositive, type EnvName } from '../config/env';

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

/**
 * A reusable limit per client address for unauthenticated endpoints that do expensive work
 * (hashing a password, sending mail, looking up a code). Call `take` before the work:
 *
 *     const forgotLimit = perIpThrottle('forgot-password', { max: 5, windowSeconds: 900 },
 *       { max: 'RESET_LIMIT_IP' });
 *     if (!forgotLimit.take(clientAddress(event))) return formFailure(429, { form: ... });
 *
 * Counted in SQLite, so the limit holds across server processes and parallel requests.
 */
export function perIpThrottle(
	bucket: string,
	defaults: { max: number; windowSeconds: number },
	env: { max?: EnvName; windowSeconds?: EnvName } = {}
): PerIpThrottle {
	const limit = (): Limit => ({
		max: env.max ? envPositive(env.max, defaults.max) : defaults.max,
		windowMs:
			(env.windowSeconds
				? envPositive(env.windowSeconds, defaults.windowSeconds)
				: defaults.windowSeconds) * 1000
	});
	return {
		bucket,
		limit,
		take: (ip, now = new Date()) =>
			reserveSlots([{ bucket: `ip:${bucket}`, value: ip, limit: limit() }], now).ok,
		retryAfterSeconds: () => Math.ceil(limit().windowMs / 1000)
	};
}
