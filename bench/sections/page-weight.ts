import { chromium, type BrowserContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { BROWSER_ARGS, systemBrowserPath } from '../../scripts/system-browser.js';
import { gzipSync } from 'node:zlib';
import { startApp } from '../../tests/support/app-server';
import { enrolByEmail } from '../../tests/support/arrange';
import { loginCookie } from '../lib/session';
import { DEMO, LESSON_PATH, QUIZ_PATH, type BenchContext } from '../context';

export interface PageWeight {
	path: string;
	jsGzipBytes: number;
	cssGzipBytes: number;
	htmlGzipBytes: number;
	requests: number;
	/** Every JS response, largest first: which chunks make up jsGzipBytes. */
	scripts: { file: string; gzipBytes: number }[];
}

/** What a real browser loads for a page (every JS and CSS response), gzipped at level 9. */
async function weigh(context: BrowserContext, baseUrl: string, path: string): Promise<PageWeight> {
	const page = await context.newPage();
	const bodies: Promise<{ url: string; size: number }>[] = [];
	page.on('response', (response) => {
		const url = response.url();
		if (!/\.(?:js|css)(?:\?|$)/.test(url)) return;
		bodies.push(
			response.body().then((body) => ({ url, size: gzipSync(body, { level: 9 }).length }))
		);
	});
	const response = await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
	if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
	const html = await response.text();
	const assets = await Promise.all(bodies);
	await page.close();
	const sum = (ending: string) =>
		assets
			.filter((asset) => asset.url.split('?')[0]!.endsWith(ending))
			.reduce((total, asset) => total + asset.size, 0);
	return {
		path,
		jsGzipBytes: sum('.js'),
		cssGzipBytes: sum('.css'),
		htmlGzipBytes: gzipSync(html, { level: 9 }).length,
		requests: assets.length,
		scripts: assets
			.filter((asset) => asset.url.split('?')[0]!.endsWith('.js'))
			.map((asset) => ({ file: new URL(asset.url).pathname, gzipBytes: asset.size }))
			.sort((a, b) => b.gzipBytes - a.gzipBytes)
	};
}

/**
 * A quiz attempt with an ordering question: the heaviest attempt page, as only that question
 * loads a script. The quiz draws its questions, so an attempt without one is deleted from the
 * bench database and drawn again.
 */
async function startAttemptWithOrdering(
	context: BrowserContext,
	baseUrl: string,
	databasePath: string
): Promise<string> {
	const page = await context.newPage();
	try {
		for (let draw = 0; draw < 20; draw++) {
			await page.goto(baseUrl + QUIZ_PATH);
			await page.getByRole('button', { name: 'Quiz beginnen' }).click();
			await page.waitForURL(/\/versuch\//);
			const path = new URL(page.url()).pathname;
			if ((await page.locator('ol.ordering').count()) > 0) return path;
			deleteAttempt(databasePath, path.split('/').at(-1)!);
		}
		throw new Error(`no attempt of ${QUIZ_PATH} drew its ordering question`);
	} finally {
		await page.close();
	}
}

function deleteAttempt(databasePath: string, attemptId: string): void {
	const db = new Database(databasePath);
	try {
		db.prepare('delete from quiz_attempts where id = ?').run(attemptId);
	} finally {
		db.close();
	}
}

export async function benchPageWeight(context: BenchContext): Promise<PageWeight[]> {
	const app = await startApp({ port: context.port });
	const executablePath = systemBrowserPath();
	const browser = await chromium.launch(
		executablePath ? { executablePath, args: BROWSER_ARGS } : {}
	);
	try {
		enrolByEmail(app.databasePath, DEMO.learner, LESSON_PATH.split('/')[2]!);
		enrolByEmail(app.databasePath, DEMO.learner, QUIZ_PATH.split('/')[2]!);
		const anonymous = await browser.newContext();
		const learner = await browser.newContext();
		const cookie = await loginCookie(app.url, DEMO.learner, DEMO.password);
		const [name, value] = cookie.split('=') as [string, string];
		await learner.addCookies([{ name, value, url: app.url }]);
		return [
			await weigh(anonymous, app.url, '/anmelden'),
			await weigh(learner, app.url, '/'),
			await weigh(learner, app.url, LESSON_PATH),
			await weigh(learner, app.url, QUIZ_PATH),
			await weigh(
				learner,
				app.url,
				await startAttemptWithOrdering(learner, app.url, app.databasePath)
			)
		];
	} finally {
		await browser.close();
		await app.stop();
	}
}
