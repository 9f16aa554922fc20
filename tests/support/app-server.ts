import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../scripts/server-memory.js';
import { seedTestContent } from './test-content.js';

export interface AppServer {
	url: string;
	dataDir: string;
	databasePath: string;
	process: ChildProcess;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`server exited (${child.exitCode ?? child.signalCode})`);
		}
		try {
			const response = await fetch(url);
			if (response.status < 500) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`server at ${url} did not start`);
}

/**
 * Starts the built app (`build/`) on a fresh database with the demo data. `workers` > 1 runs it
 * clustered (tests/support/cluster.js). Reuse `dataDir` to restart on the same database.
 */
export async function startApp(options: {
	port: number;
	workers?: number;
	dataDir?: string;
	/** Adds the fixture courses (tests/fixtures/catalogue) to the shipped ones. */
	fixtureCourses?: boolean;
	env?: Record<string, string>;
	/** Another checkout with its own build (bench/compare.ts); default: this one. */
	root?: string;
}): Promise<AppServer> {
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lernplattform-bench-'));
	const databasePath = join(dataDir, 'bench.db');
	// TEST_PORT_OFFSET lets several checkouts run their suites side by side on one machine.
	const port = options.port + Number(process.env.TEST_PORT_OFFSET ?? 0);
	const url = `http://localhost:${port}`;
	const workers = options.workers ?? 1;
	const entry = join(
		options.root ?? '.',
		workers > 1 ? 'tests/support/cluster.js' : 'scripts/serve.js'
	);
	// A server left over from an aborted run would answer in place of this one.
	if (
		await fetch(url).then(
			() => true,
			() => false
		)
	) {
		throw new Error(`port ${port} is already in use`);
	}
	if (options.fixtureCourses) seedTestContent(join(dataDir, 'content'));
	// APP_CPU_PROF_DIR: the server writes a CPU profile there when it stops (profiling the bench).
	const profile = process.env.APP_CPU_PROF_DIR;
	const nodeArgs = [
		...SERVER_NODE_FLAGS,
		...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])
	];
	const child = spawn(process.execPath, [...nodeArgs, entry], {
		cwd: options.root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			...SERVER_ENV,
			PORT: String(port),
			ORIGIN: url,
			DATABASE_PATH: databasePath,
			UPLOAD_DIR: join(dataDir, 'uploads'),
			KEY_DIR: join(dataDir, 'keys'),
			CONTENT_DIR: join(dataDir, 'content'),
			DEMO_MODE: 'true',
			BODY_SIZE_LIMIT: '12M',
			WORKERS: String(workers),
			// The bench logs in repeatedly from one address.
			LOGIN_LIMIT_IP: '100000',
			LOGIN_LIMIT_ACCOUNT: '100000',
			...options.env
		}
	});
	await waitForHttp(`${url}/anmelden`, child);
	return {
		url,
		dataDir,
		databasePath,
		process: child,
		stop: (signal = 'SIGTERM') =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill(signal);
			})
	};
}
