// Runs the built app on every core with node:cluster: the primary forks one worker per core and
// the workers share the listening socket (the kernel spreads connections across them).
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

const workers = Number(process.env.WORKERS ?? availableParallelism());

if (cluster.isPrimary) {
	for (let i = 0; i < workers; i += 1) cluster.fork();
	cluster.on('exit', (worker, code, signal) => {
		if (signal !== 'SIGTERM' && signal !== 'SIGKILL') console.error(`worker ${worker.id} exited`);
	});
	for (const signal of ['SIGTERM', 'SIGINT']) {
		process.on(signal, () => {
			for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
			process.exit(0);
		});
	}
} else {
	await import('../../scripts/serve.js');
}
