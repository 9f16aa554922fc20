/**
 * Sliding-window limit per client address for the public verification pages, so codes cannot be
 * enumerated. In memory: counts are per server process, which is enough against guessing 80-bit
 * codes and costs no database write per public request.
 */
export function verifyLimits() {
	return {
		max: Number(process.env.VERIFY_LIMIT_IP ?? 30),
		windowMs: Number(process.env.VERIFY_LIMIT_WINDOW_SECONDS ?? 60) * 1000
	};
}

/** Bounds memory when many addresses appear: the oldest entries are dropped first. */
const MAX_TRACKED = 10_000;

export class SlidingWindowLimiter {
	private hits = new Map<string, number[]>();

	constructor(private readonly limits: () => { max: number; windowMs: number }) {}

	/** Records a request and says whether it is within the limit. */
	take(key: string, now = Date.now()): boolean {
		const { max, windowMs } = this.limits();
		const recent = (this.hits.get(key) ?? []).filter((at) => at > now - windowMs);
		const allowed = recent.length < max;
		if (allowed) recent.push(now);
		this.hits.delete(key);
		this.hits.set(key, recent);
		if (this.hits.size > MAX_TRACKED) this.hits.delete(this.hits.keys().next().value!);
		return allowed;
	}
}

export const verifyLimiter = new SlidingWindowLimiter(verifyLimits);
