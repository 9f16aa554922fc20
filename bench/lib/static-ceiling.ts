import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function hasNginx(): string | null {
	for (const path of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
		try {
			execFileSync(path, ['-v'], { stdio: 'ignore' });
			return path;
		} catch {
			// not here
		}
	}
	return null;
}

export interface StaticServer {
	url: string;
	kind: 'nginx' | 'node';
	stop(): void;
}

/** Serves `html` as a static file: nginx (one worker) when installed, else bench/lib/static-server.js. */
export async function serveStatic(html: string, port: number): Promise<StaticServer> {
	const dir = mkdtempSync(join(tmpdir(), 'lernplattform-static-'));
	const file = join(dir, 'index.html');
	writeFileSync(file, html);
	// nginx's worker drops root rights; mkdtemp's 0700 would make it answer 403.
	chmodSync(dir, 0o755);
	chmodSync(file, 0o644);
	const nginx = hasNginx();
	let child: ChildProcess;
	if (nginx) {
		const config = join(dir, 'nginx.conf');
		writeFileSync(
			config,
			`daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http { access_log off; server { listen ${port}; root ${dir}; location / { try_files /index.html =404; } } }`
		);
		child = spawn(nginx, ['-c', config, '-p', dir], { stdio: 'ignore' });
		await new Promise((resolve) => setTimeout(resolve, 500));
	} else {
		child = fork('bench/lib/static-server.js', [file, String(port)], { stdio: 'ignore' });
		await new Promise((resolve) => child.once('message', resolve));
	}
	return {
		url: `http://localhost:${port}/`,
		kind: nginx ? 'nginx' : 'node',
		stop: () => child.kill()
	};
}
