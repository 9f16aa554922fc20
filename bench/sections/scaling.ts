import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../tests/support/app-server';
import { loginCookie } from '../lib/session';
import { SCALED_COURSE, writeScaledContent, writeScaledProgress } from '../lib/scaled-data';
import { runWrk } from '../lib/wrk';
import { DEMO, type BenchContext } from '../context';

// Issue 19's scaling target: the same pages at 1× and 10× the data (items per course, learners
// in a cohort, completion events of one learner in one course). One connection, so the figure
// is the time one request takes, not throughput; every request rendered, none answered from a
// kept page (a query parameter of its own each time).

export interface ScaledPage {
	page: string;
	/** What the page shows at this factor, as the reader sees it. */
	shows: string;
	/** How much more the page shows at 10× than at 1×. */
	grows: number;
	msPerRequest: number;
	p95: number;
}

export interface ScalingRun {
	factor: number;
	items: number;
	learners: number;
	learnerEvents: number;
	pages: ScaledPage[];
}

const FACTORS = [1, 10];

async function measureFactor(context: BenchContext, factor: number): Promise<ScalingRun> {
	const dataDir = mkdtempSync(join(tmpdir(), 'lernplattform-scaling-'));
	const items = writeScaledContent(join(dataDir, 'content'), factor);
	const app = await startApp({ port: context.port, dataDir });
	try {
		const learners = 50 * factor;
		const cohortId = writeScaledProgress(app.databasePath, items, factor, DEMO);
		const learner = await loginCookie(app.url, DEMO.learner, DEMO.password);
		const trainer = await loginCookie(app.url, DEMO.trainer, DEMO.password);
		// Let the background rendering of the content finish first.
		runWrk({ url: `${app.url}/anmelden`, connections: 10, seconds: 4 });
		const cohortPath = `/trainer/lehrgaenge/${cohortId}`;
		const modules = items.length / 6;
		// `grows`: how much more the page shows at 10× than at 1× (the allowed growth of its time).
		const pages = [
			{
				page: 'course page',
				path: `/kurse/${SCALED_COURSE}`,
				cookie: learner,
				shows: `${items.length} items`,
				grows: 10
			},
			// Each card's percent and next item come from the whole course: 10× items to derive.
			{
				page: 'dashboard',
				path: '/',
				cookie: learner,
				shows: `2 course cards, one over ${items.length} items`,
				grows: 2
			},
			{
				page: 'trainer matrix, by name',
				path: `${cohortPath}/matrix`,
				cookie: trainer,
				shows: `50 of ${learners} learners × ${modules} modules`,
				grows: 10
			},
			{
				page: 'trainer matrix, by progress',
				path: `${cohortPath}/matrix?sortierung=fortschritt&richtung=ab`,
				cookie: trainer,
				shows: `50 of ${learners} learners × ${modules} modules, sorted over all`,
				grows: 100
			},
			{
				page: 'cohort summary',
				path: `${cohortPath}/uebersicht`,
				cookie: trainer,
				shows: `${modules} modules and ${modules} quizzes over ${learners} learners`,
				grows: 10
			}
		];
		const measured: ScaledPage[] = [];
		for (const page of pages) {
			const url = app.url + page.path;
			const headers = { cookie: page.cookie };
			runWrk({ url, connections: 1, seconds: 1, headers, fresh: true });
			const seconds = Math.min(context.seconds, 5);
			const result = runWrk({ url, connections: 1, seconds, headers, fresh: true });
			if (result.non2xx > 0) throw new Error(`${page.path} answered with an error`);
			measured.push({
				page: page.page,
				shows: page.shows,
				grows: page.grows,
				msPerRequest: result.mean,
				p95: result.p95
			});
		}
		return { factor, items: items.length, learners, learnerEvents: 1000 * factor, pages: measured };
	} finally {
		await app.stop();
	}
}

export async function benchScaling(context: BenchContext): Promise<ScalingRun[]> {
	const runs: ScalingRun[] = [];
	for (const factor of FACTORS) runs.push(await measureFactor(context, factor));
	return runs;
}
