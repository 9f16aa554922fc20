import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WrkResult {
	/** Answered requests per second of load (the opening second not counted). */
	requestsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	/** Mean latency, ms. */
	mean: number;
	/** Longest latency, ms. */
	max: number;
	requests: number;
	non2xx: number;
}

/** How long wrk holds its connections open before it sends the first request. */
export const OPENING_SECONDS = 1;

/**
 * Lua for every wrk run: no request before OPENING_SECONDS have passed, so the server has
 * accepted every connection before the load starts, as a browser's or a proxy's kept-alive
 * connections are. Node 20 (libuv ≥ 1.45) accepts one connection per turn of its event loop, and
 * under full load a turn takes 20–40 ms: of 50 connections opened at once into a running load the
 * last waited over a second for its first answer, and wrk's coordinated-omission correction
 * counted each such wait as some twenty slow requests. That measured the opening, not the
 * requests (bench/README.md, "Latenz unter Last"). wrk's `delay()` is asked before every request;
 * the clock is LuaJIT's FFI, since Lua's own has whole seconds.
 */
export const OPENING_LUA = `local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *now);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local load_starts
delay = function()
  local now = now_ms()
  load_starts = load_starts or now + ${OPENING_SECONDS * 1000}
  if now < load_starts then return load_starts - now end
  return 0
end
`;

// wrk prints p50/p75/p90/p99 only; this script prints what the report needs.
const SCRIPT = `${OPENING_LUA}
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %f %f %f %f %f\\n", summary.requests, summary.errors.status, latency:percentile(95) / 1000, latency.mean / 1000, latency.max / 1000, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
`;
// The same, with a query parameter of its own on every request (`frisch=1`, `frisch=2`, …): no
// answer kept for an earlier request fits it, so every request is rendered.
const FRESH_SCRIPT = `${SCRIPT}
local count = 0
request = function()
  count = count + 1
  local joint = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. joint .. "frisch=" .. count)
end
`;
const scriptPaths = new Map<string, string>();

function scriptFile(name: string, text: string): string {
	let path = scriptPaths.get(name);
	if (!path) {
		path = join(mkdtempSync(join(tmpdir(), 'lernplattform-wrk-')), name);
		writeFileSync(path, text);
		scriptPaths.set(name, path);
	}
	return path;
}

export function hasWrk(): boolean {
	try {
		execFileSync('wrk', ['-v'], { stdio: 'ignore' });
		return true;
	} catch (error) {
		// wrk -v exits with 1 after printing its version
		return (error as { status?: number }).status === 1;
	}
}

/** wrk's duration argument: the opening plus `seconds` of load. */
export const wrkDuration = (seconds: number) => `-d${OPENING_SECONDS + seconds}s`;

/**
 * One wrk run of `seconds` of load after the opening (one thread: the app and nginx get the
 * other core). `fresh`: every request with a query parameter of its own.
 */
export function runWrk(options: {
	url: string;
	connections: number;
	seconds: number;
	headers?: Record<string, string>;
	fresh?: boolean;
}): WrkResult {
	const scriptPath = options.fresh
		? scriptFile('fresh.lua', FRESH_SCRIPT)
		: scriptFile('report.lua', SCRIPT);
	const headerArgs = Object.entries(options.headers ?? {}).flatMap(([name, value]) => [
		'-H',
		`${name}: ${value}`
	]);
	const output = execFileSync('wrk', [
		'-t1',
		`-c${options.connections}`,
		wrkDuration(options.seconds),
		'-s',
		scriptPath,
		...headerArgs,
		options.url
	]).toString();
	return wrkResult(output, options.seconds);
}

/**
 * Reads the RESULT line the report scripts print (more fields may follow). Requests per second
 * are counted over the load only: wrk's own figure divides by the opening second too.
 */
export function wrkResult(output: string, seconds: number): WrkResult {
	const [, requests, non2xx, p95, mean, max, p50, p99] = output.match(
		/RESULT (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)/
	)!;
	const tenth = (value: string | undefined) => Math.round(Number(value) * 10) / 10;
	return {
		requestsPerSecond: Math.round(Number(requests) / seconds),
		p50: tenth(p50),
		p95: tenth(p95),
		p99: tenth(p99),
		mean: tenth(mean),
		max: tenth(max),
		requests: Number(requests),
		non2xx: Number(non2xx)
	};
}
