import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WrkResult {
	requestsPerSecond: number;
	p95: number;
	/** Mean latency, ms. */
	mean: number;
	requests: number;
	non2xx: number;
}

// wrk prints p50/p75/p90/p99 only; this script prints what the report needs.
const SCRIPT = `done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %f %f\\n", summary.requests, summary.errors.status, latency:percentile(95) / 1000, latency.mean / 1000))
end
`;
let scriptPath: string | undefined;

export function hasWrk(): boolean {
	try {
		execFileSync('wrk', ['-v'], { stdio: 'ignore' });
		return true;
	} catch (error) {
		// wrk -v exits with 1 after printing its version
		return (error as { status?: number }).status === 1;
	}
}

/** One wrk run (one thread: the app and nginx get the other core). */
export function runWrk(options: {
	url: string;
	connections: number;
	seconds: number;
	headers?: Record<string, string>;
}): WrkResult {
	if (!scriptPath) {
		scriptPath = join(mkdtempSync(join(tmpdir(), 'lernplattform-wrk-')), 'report.lua');
		writeFileSync(scriptPath, SCRIPT);
	}
	const headerArgs = Object.entries(options.headers ?? {}).flatMap(([name, value]) => [
		'-H',
		`${name}: ${value}`
	]);
	const output = execFileSync('wrk', [
		'-t1',
		`-c${options.connections}`,
		`-d${options.seconds}s`,
		'-s',
		scriptPath,
		...headerArgs,
		options.url
	]).toString();
	return wrkResult(output);
}

/** Reads wrk's summary and the RESULT line the report scripts print (more fields may follow). */
export function wrkResult(output: string): WrkResult {
	const [, requests, non2xx, p95, mean] = output.match(/RESULT (\d+) (\d+) ([\d.]+) ([\d.]+)/)!;
	const requestsPerSecond = Number(output.match(/Requests\/sec:\s+([\d.]+)/)![1]);
	return {
		requestsPerSecond: Math.round(requestsPerSecond),
		p95: Math.round(Number(p95) * 10) / 10,
		mean: Math.round(Number(mean) * 10) / 10,
		requests: Number(requests),
		non2xx: Number(non2xx)
	};
}
