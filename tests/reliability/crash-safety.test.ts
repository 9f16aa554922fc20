import { afterAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { createLearners } from '../support/learners';
import { prepareAttempt, submitAttempt, type PreparedAttempt } from '../support/quiz-form';
import { QUIZ_PATH } from '../support/demo';
import { integrityCheck, openDb } from './support/database';

const servers: AppServer[] = [];
afterAll(async () => {
	for (const server of servers) await server.stop();
});

describe('crash safety', () => {
	it('keeps every confirmed quiz submission when the server is killed with SIGKILL mid-way', async () => {
		const app = await startApp({ fixtureCourses: true, port: 4521 });
		servers.push(app);
		const learners = createLearners(app.databasePath, 200, QUIZ_PATH.split('/')[2]!);
		const attempts: PreparedAttempt[] = [];
		for (const learner of learners) {
			attempts.push(await prepareAttempt(app.url, QUIZ_PATH, learner.cookie));
		}

		const confirmed: string[] = [];
		const submissions = attempts.map(async (attempt) => {
			try {
				if (await submitAttempt(app.url, attempt)) confirmed.push(attempt.attemptUrl);
			} catch {
				// the connection died with the server: not confirmed, so nothing is promised
			}
		});
		// Kill once some, but not all, submissions have been confirmed.
		while (confirmed.length < 20) await new Promise((resolve) => setTimeout(resolve, 5));
		app.process.kill('SIGKILL');
		await Promise.all(submissions);
		await app.stop();

		expect(confirmed.length).toBeGreaterThanOrEqual(20);
		expect(confirmed.length).toBeLessThan(200);
		const restarted = await startApp({ fixtureCourses: true, port: 4521, dataDir: app.dataDir });
		servers.push(restarted);
		expect(integrityCheck(app.databasePath)).toBe('ok');
		const db = openDb(app.databasePath, true);
		const lookup = db.prepare('select status, score from quiz_attempts where id = ?');
		for (const url of confirmed) {
			const id = url.split('/versuch/')[1]!.split('/')[0]!;
			expect(lookup.get(id), url).toMatchObject({ status: 'submitted' });
		}
		db.close();
		console.log(`crash safety: ${confirmed.length}/200 confirmed before SIGKILL, all stored`);
		// The restarted server answers normally.
		expect((await fetch(`${restarted.url}/anmelden`)).status).toBe(200);
	});
});
