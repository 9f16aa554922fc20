// Before/after on a noisy machine: `npx tsx bench/compare.ts <other checkout>` starts this
// checkout's build and the other one's side by side and loads them in turns (wrk, 50 connections,
// ROUNDS × BENCH_SECONDS each, order alternating), so a slow minute of the host hits both. Prints
// the median requests/s and the server's CPU time per request (all its threads, GC included).
// COMPARE_PAGES=course,lesson,dashboard,simple picks pages; the other checkout needs its own
// `vite build` and the same demo accounts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApp, type AppServer } from '../tests/support/app-server';
import { enrolByEmail } from '../tests/support/arrange';
import { DEMO, LESSON_PATH } from './context';
import { loginCookie } from './lib/session';
import { runWrk } from './lib/wrk';

const PAGES: Record<string, string> = {
	course: LESSON_PATH.split('/').slice(0, 3).join('/'),
	lesson: LESSON_PATH,
	dashboard: '/',
	simple: '/barrierefreiheit'
};

/** User and system CPU time of a process so far, ms (Linux clock ticks of 10 ms). */
function cpuMs(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function start(name: string, root: string, port: number) {
	const app: AppServer = await startApp({ port, root });
	enrolByEmail(app.databasePath, DEMO.learner, LESSON_PATH.split('/')[2]!);
	const cookie = await loginCookie(app.url, DEMO.learner, DEMO.password);
	return { name, app, cookie };
}

const other = process.argv[2];
if (!other) throw new Error('usage: npx tsx bench/compare.ts <other checkout>');
const rounds = Number(process.env.ROUNDS ?? 4);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const pages = (process.env.COMPARE_PAGES ?? 'course,lesson,dashboard,simple').split(',');
// Rendering is what a comparison is about: every request gets a query parameter of its own, so
// no kept page answers it (COMPARE_KEPT=1 measures kept pages as they are).
const fresh = process.env.COMPARE_KEPT !== '1';
const servers = [
	await start(`other (${other})`, resolve(other), 4470),
	await start('this checkout', resolve('.'), 4471)
];
try {
	// The content is parsed and rendered in the background after the start: let that finish.
	await new Promise((done) => setTimeout(done, 5000));
	for (const page of pages) {
		const path = PAGES[page];
		if (!path) throw new Error(`unknown page ${page}: ${Object.keys(PAGES).join(', ')}`);
		const measured = servers.map(() => ({ rps: [] as number[], cpu: [] as number[] }));
		for (const { app, cookie } of servers)
			runWrk({ url: app.url + path, connections: 10, seconds: 1, headers: { cookie }, fresh });
		for (let round = 0; round < rounds; round += 1) {
			const order = round % 2 ? [1, 0] : [0, 1];
			for (const index of order) {
				const { app, cookie } = servers[index]!;
				const before = cpuMs(app.process.pid!);
				const run = runWrk({
					url: app.url + path,
					connections: 50,
					seconds,
					headers: { cookie },
					fresh
				});
				if (run.non2xx > 0) throw new Error(`${path} answered ${run.non2xx} times with an error`);
				measured[index]!.rps.push(run.requestsPerSecond);
				measured[index]!.cpu.push((cpuMs(app.process.pid!) - before) / run.requests);
			}
		}
		for (const [index, { name }] of servers.entries()) {
			const { rps, cpu } = measured[index]!;
			console.log(
				`${page.padEnd(10)} ${name.padEnd(28)} ${String(median(rps)).padStart(6)} requests/s ` +
					`${median(cpu).toFixed(3)} ms CPU/request   (runs: ${rps.join(', ')})`
			);
		}
	}
} finally {
	for (const { app } of servers) await app.stop();
}
