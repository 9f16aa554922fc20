import Database from 'better-sqlite3';
import { startApp, type AppServer } from '../../tests/support/app-server';
import { createLearners } from '../../tests/support/learners';
import {
	confirmedSubmitBody,
	prepareAttempt,
	type PreparedAttempt
} from '../../tests/support/quiz-form';
import type { WrkResult } from '../lib/wrk';
import { runWrkRequests, type PlannedRequest } from '../lib/wrk-requests';
import { QUIZ_PATH, type BenchContext } from '../context';

/** Open attempts prepared for the warm-up, and at least for the measured run. */
const ATTEMPTS = Number(process.env.BENCH_QUIZ_ATTEMPTS ?? 3500);
const SECONDS = 2;
const CONNECTIONS = 50;

export interface QuizRun extends WrkResult {
	workers: number;
	/** Attempts stored as submitted by the measured run: each answered request stored one. */
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

/**
 * Writes the preparation's rows (7,000 learners, sessions, attempts) into the database file, so
 * that the measured run is not charged with checkpointing them.
 */
function settleWal(databasePath: string): void {
	const db = new Database(databasePath);
	try {
		db.pragma('busy_timeout = 5000');
		db.pragma('wal_checkpoint(PASSIVE)');
	} finally {
		db.close();
	}
}

async function submitAll(app: AppServer, workers: number): Promise<QuizRun> {
	// The warm-up is the same run, unmeasured: a fresh process grades its first thousand submits
	// slowly (p99 above a second), until the JIT has compiled the path. It may submit an attempt
	// twice (the second submit reads the stored result), and its rate sizes the measured run: wrk
	// refuses to need more attempts than were prepared.
	const warmUp = submitFor(app, await prepareAttempts(app, ATTEMPTS), { repeats: true });
	const count = Math.max(ATTEMPTS, Math.ceil(warmUp.requestsPerSecond * SECONDS * 1.5));
	const attempts = await prepareAttempts(app, count);
	settleWal(app.databasePath);
	const before = countSubmitted(app.databasePath);
	const result = submitFor(app, attempts);
	const submitted = countSubmitted(app.databasePath) - before;
	// Requests still open when wrk stops may be stored without being counted, never the reverse.
	if (result.non2xx > 0 || submitted < result.requests) {
		throw new Error(
			`${result.requests} Abgaben beantwortet (${result.non2xx} mit Fehler), ${submitted} gespeichert`
		);
	}
	return { ...result, workers, submitted };
}

function submitRequest(app: AppServer, attempt: PreparedAttempt): PlannedRequest {
	return {
		method: 'POST',
		path: `${attempt.attemptUrl}?/submit`,
		headers: {
			cookie: attempt.cookie,
			origin: app.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: confirmedSubmitBody(attempt)
	};
}

/** Submits the prepared attempts in order, each once, for SECONDS. */
function submitFor(app: AppServer, attempts: PreparedAttempt[], options = { repeats: false }) {
	return runWrkRequests({
		url: app.url,
		connections: CONNECTIONS,
		seconds: SECONDS,
		requests: attempts.map((attempt) => submitRequest(app, attempt)),
		repeats: options.repeats
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
