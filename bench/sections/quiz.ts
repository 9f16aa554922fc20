import { startApp } from '../../tests/support/app-server';
import { createLearners } from '../../tests/support/learners';
import { runLoad, type LoadResult } from '../lib/load';
import { prepareAttempt, type PreparedAttempt } from '../../tests/support/quiz-form';
import { QUIZ_PATH, type BenchContext } from '../context';

const ATTEMPTS = 400;

/**
 * Submissions/s and latency of grading and storing: every request submits a different open
 * attempt (a repeated submit of the same attempt would only read the stored result).
 */
export async function benchQuizSubmissions(
	context: BenchContext
): Promise<LoadResult & { submissions: number }> {
	const app = await startApp({ port: context.port });
	try {
		const learners = createLearners(app.databasePath, ATTEMPTS, QUIZ_PATH.split('/')[2]!);
		const attempts: PreparedAttempt[] = [];
		for (const learner of learners) {
			attempts.push(await prepareAttempt(app.url, QUIZ_PATH, learner.cookie));
		}
		let next = 0;
		const result = await runLoad({
			url: app.url,
			connections: 10,
			seconds: 60,
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
		return { ...result, submissions: attempts.length };
	} finally {
		await app.stop();
	}
}
