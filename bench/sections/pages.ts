import { startApp } from '../../tests/support/app-server';
import { enrolByEmail } from '../../tests/support/arrange';
import { loginCookie } from '../lib/session';
import { serveStatic } from '../lib/static-ceiling';
import { runWrk, type WrkResult } from '../lib/wrk';
import { DEMO, LESSON_PATH, type BenchContext } from '../context';

export interface PagesResult {
	staticServer: 'nginx' | 'node';
	staticCeiling: Record<string, WrkResult>;
	lesson: Record<string, WrkResult>;
	ratioToStatic: Record<string, number>;
}

const CONNECTIONS = [10, 100];

/** The lesson page (SSR, session check, DB reads) against the same HTML served statically. */
export async function benchPages(context: BenchContext): Promise<PagesResult> {
	const single = await startApp({ port: context.port });
	enrolByEmail(single.databasePath, DEMO.learner, LESSON_PATH.split('/')[2]!);
	const cookie = await loginCookie(single.url, DEMO.learner, DEMO.password);
	const response = await fetch(single.url + LESSON_PATH, { headers: { cookie } });
	if (response.status !== 200) throw new Error(`lesson page answered ${response.status}`);
	const html = await response.text();

	const staticServer = await serveStatic(html, context.port + 1);
	const staticCeiling: Record<string, WrkResult> = {};
	for (const connections of CONNECTIONS) {
		staticCeiling[`c${connections}`] = runWrk({
			url: staticServer.url,
			connections,
			seconds: context.seconds
		});
	}
	staticServer.stop();

	const lesson: Record<string, WrkResult> = {};
	const url = single.url + LESSON_PATH;
	for (const connections of CONNECTIONS) {
		lesson[`single_c${connections}`] = runWrk({
			url,
			connections,
			seconds: context.seconds,
			headers: { cookie }
		});
	}
	await single.stop();

	// Same database, now clustered over every core.
	const cluster = await startApp({
		port: context.port,
		workers: context.cores,
		dataDir: single.dataDir
	});
	for (const connections of CONNECTIONS) {
		lesson[`cluster_c${connections}`] = runWrk({
			url,
			connections,
			seconds: context.seconds,
			headers: { cookie }
		});
	}
	await cluster.stop();

	const ratioToStatic: Record<string, number> = {};
	for (const [key, result] of Object.entries(lesson)) {
		const reference = staticCeiling[key.replace(/^\w+_/, '')]!.requestsPerSecond;
		ratioToStatic[key] = Math.round((result.requestsPerSecond / reference) * 1000) / 1000;
	}
	return { staticServer: staticServer.kind, staticCeiling, lesson, ratioToStatic };
}
