import Database from 'better-sqlite3';
import { startApp, type AppServer } from '../../tests/support/app-server';
import { createLearners } from '../../tests/support/learners';
import { prepareAttempt, type PreparedAttempt } from '../../tests/support/quiz-form';
import { runLoad, type LoadResult } from '../lib/load';
import { QUIZ_PATH, type BenchContext } from '../context';

const ATTEMPTS = Number(process.env.BENCH_QUIZ_ATTEMPTS ?? 2000);
/** Submitted first and not counted: a fresh process grades its first few hundred cold. */
const WARM_UP_ATTEMPTS = 400;
const CONNECTIONS = 50;

export interface QuizRun extends LoadResult {
	workers: number;
	/** Attempts stored as submitted afterwards: every request graded and stored one. */
	submitted: number;
}

export interface QuizResult {
	single: QuizRun;
	cluster: QuizRun;
}

async function prepareAttempts(app: AppServer, count: number): Promise<PreparedAttempt[]> {
	const learners = createLearners(app.databasePath, count, QUIZ_PATH.split('/')[2]!);
	const attempts: PreparedAttempt[] = [];
	for (let start = 0; start < learners.length; start += 50) {
		const batch = learners.slice(start, start + 50);
		attempts.push(
			...(await Promise.all(
				batch.map((learner) => prepareAttempt(app.url, QUIZ_PATH, learner.cookie))
			))
		);
	}
	return attempts;
}

function countSubmitted(databasePath: string): number {
	const db = new Database(databasePath, { readonly: true });
	try {
		const row = db
			.prepare("select count(*) as n from quiz_attempts where status = 'submitted'")
			.get() as { n: number };
		return row.n;
	} finally {
		db.close();
	}
}

async function submitAll(app: AppServer, workers: number): Promise<QuizRun> {
	await submit(app, await prepareAttempts(app, WARM_UP_ATTEMPTS));
	const before = countSubmitted(app.databasePath);
	const attempts = await prepareAttempts(app, ATTEMPTS);
	const result = await submit(app, attempts);
	const submitted = countSubmitted(app.databasePath) - before;
	if (submitted !== attempts.length) {
		throw new Error(`${attempts.length} Abgaben gesendet, ${submitted} gespeichert`);
	}
	return { ...result, workers, submitted };
}

/** Submits each attempt once, 50 at a time. */
function submit(app: AppServer, attempts: PreparedAttempt[]): Promise<LoadResult> {
	let next = 0;
	return runLoad({
		url: app.url,
		connections: CONNECTIONS,
		seconds: 120,
		amount: attempts.length,
		method: 'POST',
		setupRequest: (request) => {
			const attempt = attempts[next++ % attempts.length]!;
			return {
				...request,
				method: 'POST',
				path: `${attempt.attemptUrl}?/submit`,
				headers: {
					cookie: attempt.cookie,
					origin: app.url,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: attempt.form.toString()
			};
		}
	});
}

/**
 * Submissions/s and latency of grading, storing, completion and the certificate check: every
 * request submits a different open attempt (a repeated submit would only read the stored result),
 * once with one process and once clustered over all cores, each after a warm-up round.
 */
export async function benchQuizSubmissions(context: BenchContext): Promise<QuizResult> {
	const single = await startApp({ port: context.port });
	let singleRun: QuizRun;
	try {
		singleRun = await submitAll(single, 1);
	} finally {
		await single.stop();
	}
	const cluster = await startApp({
		port: context.port,
		workers: context.cores,
		dataDir: single.dataDir
	});
	try {
		return { single: singleRun, cluster: await submitAll(cluster, context.cores) };
	} finally {
		await cluster.stop();
	}
}
