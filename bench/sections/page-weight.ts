import { gzipSync } from 'node:zlib';
import { startApp } from '../lib/app-server';
import { enrolByEmail } from '../lib/arrange';
import { loginCookie } from '../lib/session';
import { DEMO, LESSON_PATH, QUIZ_PATH, type BenchContext } from '../context';

export interface PageWeight {
	path: string;
	jsGzipBytes: number;
	cssGzipBytes: number;
	htmlGzipBytes: number;
}

/** JS and CSS the browser loads for a page: every /_app asset its HTML references, gzipped. */
async function weigh(baseUrl: string, path: string, cookie?: string): Promise<PageWeight> {
	const headers: Record<string, string> = cookie ? { cookie } : {};
	const response = await fetch(baseUrl + path, { headers });
	if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
	const html = await response.text();
	const assets = new Set(html.match(/\/_app\/immutable\/[^"'\s)]+\.(?:js|css)/g) ?? []);
	let js = 0;
	let css = 0;
	for (const asset of assets) {
		const body = Buffer.from(await (await fetch(baseUrl + asset)).arrayBuffer());
		const size = gzipSync(body, { level: 9 }).length;
		if (asset.endsWith('.css')) css += size;
		else js += size;
	}
	return {
		path,
		jsGzipBytes: js,
		cssGzipBytes: css,
		htmlGzipBytes: gzipSync(html, { level: 9 }).length
	};
}

export async function benchPageWeight(context: BenchContext): Promise<PageWeight[]> {
	const app = await startApp({ port: context.port });
	try {
		enrolByEmail(app.databasePath, DEMO.learner, LESSON_PATH.split('/')[2]!);
		enrolByEmail(app.databasePath, DEMO.learner, QUIZ_PATH.split('/')[2]!);
		const cookie = await loginCookie(app.url, DEMO.learner, DEMO.password);
		return [
			await weigh(app.url, '/anmelden'),
			await weigh(app.url, '/', cookie),
			await weigh(app.url, LESSON_PATH, cookie),
			await weigh(app.url, QUIZ_PATH, cookie)
		];
	} finally {
		await app.stop();
	}
}
