import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENING_LUA, wrkDuration, wrkResult, type WrkResult } from './wrk';

export interface PlannedRequest {
	method: 'GET' | 'POST';
	path: string;
	headers: Record<string, string>;
	body?: string;
}

const FIELD = '\t';
const HEADER = '\x1f';
const NAME_VALUE = '\x1e';

/** One request per line: method, path, headers, body, split by tab and control characters. */
function requestLine(request: PlannedRequest): string {
	const headers = Object.entries(request.headers)
		.map(([name, value]) => `${name}${NAME_VALUE}${value}`)
		.join(HEADER);
	const line = [request.method, request.path, headers, request.body ?? ''].join(FIELD);
	if ((line.match(/[\t\n]/g)?.length ?? 0) !== 3)
		throw new Error('a bench request with a tab or line break');
	return line;
}

// Read in init() rather than written into the script: Lua allows 65,536 constants per chunk, and
// wrk sets the Host header only before init(). done() runs in another Lua state than request():
// it asks the thread, kept by setup(), how many requests it formed.
const SCRIPT = `${OPENING_LUA}
local threads = {}
setup = function(thread)
  threads[#threads + 1] = thread
end
local planned = {}
sent = 0
init = function(args)
  for line in io.lines(os.getenv("WRK_REQUESTS")) do
    local method, path, headerText, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    local headers = {}
    for pair in headerText:gmatch("[^\x1f]+") do
      local name, value = pair:match("^([^\x1e]*)\x1e(.*)$")
      headers[name] = value
    end
    if body == "" then body = nil end
    planned[#planned + 1] = wrk.format(method, path, headers, body)
  end
end
request = function()
  sent = sent + 1
  return planned[((sent - 1) % #planned) + 1]
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %f %f %f %f %f %d\\n", summary.requests, summary.errors.status, latency:percentile(95) / 1000, latency.mean / 1000, latency.max / 1000, latency:percentile(50) / 1000, latency:percentile(99) / 1000, threads[1]:get("sent")))
end
`;

/**
 * wrk sending each of `requests` once, in order, for `seconds` (one thread, like runWrk): a
 * load generator in C leaves the cores to the app, where autocannon in Node took a good part of
 * one. The run is bounded by time; if wrk would need more requests than given, it throws
 * rather than send one twice (unless `repeats`).
 */
export function runWrkRequests(options: {
	url: string;
	connections: number;
	seconds: number;
	requests: PlannedRequest[];
	/** A warm-up may send a request again once all were sent (wrk starts over at the first). */
	repeats?: boolean;
}): WrkResult {
	const dir = mkdtempSync(join(tmpdir(), 'lernplattform-wrk-'));
	const scriptPath = join(dir, 'requests.lua');
	const requestsPath = join(dir, 'requests.txt');
	writeFileSync(scriptPath, SCRIPT);
	writeFileSync(requestsPath, options.requests.map(requestLine).join('\n') + '\n');
	const output = execFileSync(
		'wrk',
		[
			'-t1',
			`-c${options.connections}`,
			wrkDuration(options.seconds),
			'-s',
			scriptPath,
			options.url
		],
		{ env: { ...process.env, WRK_REQUESTS: requestsPath } }
	).toString();
	const sent = Number(output.match(/RESULT(?: [\d.]+){7} (\d+)/)![1]);
	if (sent > options.requests.length && !options.repeats) {
		throw new Error(
			`wrk needed ${sent} requests, only ${options.requests.length} prepared: prepare more`
		);
	}
	return wrkResult(output, options.seconds);
}
