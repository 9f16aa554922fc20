import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { Client } from './support/client';

// An operator edits a course file by hand (or pulls a broken commit) and restarts: the platform
// keeps running on the last version in the content folder's history that passes the check, and
// the admin sees why. Only a folder without such a version keeps the server from starting.

const PORT = 4591;
let app: AppServer | null = null;

afterEach(async () => {
	await app?.stop();
	app = null;
});

/** The first lesson file of the first module of the first course, relative to the folder. */
function firstLessonFile(contentDir: string): string {
	const dirs = (path: string) =>
		readdirSync(join(contentDir, path), { withFileTypes: true })
			.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
			.map((entry) => `${path}/${entry.name}`)
			.sort();
	const module = dirs(dirs('courses')[0]!)[0]!;
	const file = readdirSync(join(contentDir, module))
		.filter((name) => name.endsWith('.md'))
		.sort()[0]!;
	return `${module}/${file}`;
}

async function firstStartWithHistory(): Promise<{ dataDir: string; contentDir: string }> {
	app = await startApp({ port: PORT });
	const contentDir = join(app.dataDir, 'content');
	// The first start keeps the folder as its first version, just after it answers.
	const deadline = Date.now() + 30_000;
	while (!existsSync(join(contentDir, '.git', 'refs', 'heads', 'main')) && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	await app.stop();
	return { dataDir: app.dataDir, contentDir };
}

const breakFile = (path: string) =>
	writeFileSync(path, readFileSync(path, 'utf8').replace(/^title:.*$/m, 'title:'));

describe('a start whose course files have errors', () => {
	it('runs on the last good version from the folder’s history and tells the admin', async () => {
		const { dataDir, contentDir } = await firstStartWithHistory();
		const broken = firstLessonFile(contentDir);
		breakFile(join(contentDir, broken));

		app = await startApp({ port: PORT, dataDir });
		const admin = new Client(app.url);
		await admin.login('admin@example.org');
		const page = await (await admin.get('/admin/inhalte')).text();
		expect(page).toContain('Beim Start am');
		expect(page).toContain('Seit dem Start läuft die letzte fehlerfreie Fassung');
		expect(page).toContain(broken);
		const learner = new Client(app.url);
		await learner.login('lernende@example.org');
		expect((await learner.get('/kurse')).status).toBe(200);
	}, 120_000);

	it('does not start when the folder has no history to fall back on', async () => {
		const { dataDir, contentDir } = await firstStartWithHistory();
		rmSync(join(contentDir, '.git'), { recursive: true });
		breakFile(join(contentDir, firstLessonFile(contentDir)));

		await expect(startApp({ port: PORT, dataDir })).rejects.toThrow('server exited (1)');
	}, 120_000);
});
