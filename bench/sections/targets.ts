import { startApp } from '../../tests/support/app-server';
import { enrolByEmail } from '../../tests/support/arrange';
import { loginCookie } from '../lib/session';
import { startFrameworkFloor } from '../lib/framework-floor';
import { serveStatic } from '../lib/static-ceiling';
import { CLUSTERED_LESSON, SINGLE_PROCESS_PAGES, type TargetPage } from '../lib/target-pages';
import { runWrk, type WrkResult } from '../lib/wrk';
import { DEMO, LESSON_PATH, type BenchContext } from '../context';

// Issue 19's targets: each page's requests/s as a share of nginx serving the lesson's HTML as a
// static file, measured right before it in the same run (wrk, 50 connections, one app process).

export interface PageMeasurement {
	page: string;
	path: string;
	app: WrkResult;
	nginx: WrkResult;
	share: number;
	/** Minimum share of nginx; null: measured for comparison only. */
	target: number | null;
}

export interface TargetsResult {
	pages: PageMeasurement[];
	cluster: { lesson: PageMeasurement; lessonC100: WrkResult; p95Target: number };
}

const share = (app: WrkResult, nginx: WrkResult) =>
	Math.round((app.requestsPerSecond / nginx.requestsPerSecond) * 10000) / 10000;

async function measure(
	app: { url: string },
	staticUrl: string,
	seconds: number,
	page: TargetPage,
	cookie: string
): Promise<PageMeasurement> {
	const headers = page.login ? { cookie } : undefined;
	const { fresh } = page;
	runWrk({ url: app.url + page.path, connections: 10, seconds: 1, headers, fresh }); // warm-up
	const nginx = runWrk({ url: staticUrl, connections: 50, seconds });
	const measured = runWrk({ url: app.url + page.path, connections: 50, seconds, headers, fresh });
	if (measured.non2xx > 0)
		throw new Error(`${page.path} answered ${measured.non2xx} times with an error`);
	return {
		page: page.page,
		path: page.path,
		app: measured,
		nginx,
		share: share(measured, nginx),
		target: page.target
	};
}

export async function benchTargets(context: BenchContext): Promise<TargetsResult> {
	const single = await startApp({ port: context.port });
	enrolByEmail(single.databasePath, DEMO.learner, LESSON_PATH.split('/')[2]!);
	const cookie = await loginCookie(single.url, DEMO.learner, DEMO.password);
	const html = await (await fetch(single.url + LESSON_PATH, { headers: { cookie } })).text();
	const nginx = await serveStatic(html, context.port + 1);
	// The content is parsed and rendered in the background after the start: let that finish.
	runWrk({ url: `${single.url}/anmelden`, connections: 10, seconds: 4 });
	const pages: PageMeasurement[] = [];
	try {
		for (const page of SINGLE_PROCESS_PAGES)
			pages.push(await measure(single, nginx.url, context.seconds, page, cookie));
	} finally {
		await single.stop();
	}
	const floor = await startFrameworkFloor(context.port + 2);
	try {
		const page = { page: 'bare SvelteKit page (reference)', path: '/', login: false, target: null };
		pages.push(await measure(floor, nginx.url, context.seconds, page, cookie));
	} finally {
		floor.stop();
	}

	const cluster = await startApp({
		port: context.port,
		workers: context.cores,
		dataDir: single.dataDir
	});
	try {
		runWrk({ url: `${cluster.url}/anmelden`, connections: 10, seconds: 4 });
		const lesson = await measure(cluster, nginx.url, context.seconds, CLUSTERED_LESSON, cookie);
		const lessonC100 = runWrk({
			url: cluster.url + LESSON_PATH,
			connections: 100,
			seconds: context.seconds,
			headers: { cookie }
		});
		return { pages, cluster: { lesson, lessonC100, p95Target: 50 } };
	} finally {
		await cluster.stop();
		nginx.stop();
	}
}
