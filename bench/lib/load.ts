import autocannon from 'autocannon';

export interface LoadResult {
	requestsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	requests: number;
	errors: number;
	non2xx: number;
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)]!;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Loopback load with autocannon, bounded in time. Percentiles are computed from every response
 * time (autocannon's own summary has no p95).
 */
export async function runLoad(options: {
	url: string;
	connections: number;
	/** Bounded by time, or by a number of requests when `amount` is given. */
	seconds: number;
	amount?: number;
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	body?: string;
	/** Builds each request, e.g. to cycle through attempt IDs. */
	setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>;
}): Promise<LoadResult> {
	const times: number[] = [];
	const started = performance.now();
	let lastAnswer = started;
	const instance = autocannon({
		url: options.url,
		connections: options.connections,
		duration: options.seconds,
		amount: options.amount,
		method: options.method ?? 'GET',
		headers: options.headers,
		body: options.body,
		requests: options.setupRequest ? [{ setupRequest: options.setupRequest }] : undefined
	});
	instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
		times.push(ms);
		lastAnswer = performance.now();
	});
	const result = await instance;
	times.sort((a, b) => a - b);
	// autocannon's average is over whole-second buckets: wrong for a run of a few seconds.
	const seconds = (lastAnswer - started) / 1000;
	return {
		requestsPerSecond: round(seconds > 0 ? times.length / seconds : 0),
		p50: round(percentile(times, 50)),
		p95: round(percentile(times, 95)),
		p99: round(percentile(times, 99)),
		requests: result.requests.total,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx
	};
}
