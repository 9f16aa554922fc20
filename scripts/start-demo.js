import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { isBuildCurrent } from './build-freshness.js';

// `npm start`: serves the built app with demo accounts on an embedded SQLite database. It builds
// only when the sources changed since the last build, and prints the address last.
// Every setting can still be overridden with the environment variables from the README.
process.env.DEMO_MODE ??= 'true';
process.env.PORT ??= '3000';
process.env.DATABASE_PATH ??= 'data/lernplattform.db';
// Uploads (practice assignments up to 10 MB, certificate logos) need more than adapter-node's 512K.
process.env.BODY_SIZE_LIMIT ??= '12M';
// adapter-node assumes https unless told the public address; CSRF checks compare against it.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;

if (!isBuildCurrent()) {
	console.log('Die Anwendung wird gebaut (nur nach Änderungen, dauert etwa eine Minute) …');
	const build = spawnSync('npx', ['vite', 'build'], { encoding: 'utf8' });
	// The bundler's output is kept in a file, so the address below is not buried under it.
	mkdirSync('data', { recursive: true });
	writeFileSync('data/build.log', `${build.stdout ?? ''}${build.stderr ?? ''}`);
	if (build.status !== 0) {
		console.error(`${build.stdout}${build.stderr}\nDer Build ist fehlgeschlagen (siehe oben).`);
		process.exit(1);
	}
}

await import('./serve.js');
// The server announces itself once it listens; wait for that, so the address below comes last.
for (let tries = 0; tries < 100; tries++) {
	const answered = await fetch(`http://127.0.0.1:${process.env.PORT}/anmelden`).then(
		() => true,
		() => false
	);
	if (answered) break;
	await new Promise((done) => setTimeout(done, 100));
}
console.log(`\n  Lernplattform läuft: ${process.env.ORIGIN}\n`);
console.log('  Demo-Zugänge stehen auf der Anmeldeseite. Beenden mit Strg+C.\n');
