// `npm run bench`: measures the platform on this machine in one run and writes
// bench/results/<timestamp>.json (and latest.json). Not part of `npm test`: figures, not verdicts.
// BENCH_ONLY=pages,quiz runs some sections; BENCH_SECONDS sets the length of each load run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { createContext } from './context';
import { printReport } from './lib/report';
import { benchCertificatePdf } from './sections/certificate-pdf';
import { benchContentBuild } from './sections/content-build';
import { benchPageWeight } from './sections/page-weight';
import { benchPages } from './sections/pages';
import { benchQuizSubmissions } from './sections/quiz';
import { benchScaling } from './sections/scaling';
import { benchTargets } from './sections/targets';
import { targetRows } from './lib/targets-report';
import { ensureTools } from './lib/tools';

const context = createContext();
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (section: string) => !only || only.includes(section);
const started = new Date();
const report: Record<string, unknown> = {
	startedAt: started.toISOString(),
	machine: {
		cores: context.cores,
		cpu: cpus()[0]?.model ?? 'unknown',
		memoryGiB: Math.round(totalmem() / 1024 ** 3),
		node: process.version
	},
	loadSecondsPerRun: context.seconds
};

// Every load run uses wrk; nginx serves the static reference.
if (['pages', 'targets', 'scaling', 'quiz'].some(wanted)) ensureTools();

// The content section rebuilds build/ as it measures; without it, build once here.
if (wanted('content')) {
	console.log('Inhalte prüfen und bauen …');
	report.contentBuild = benchContentBuild();
} else {
	execFileSync(process.execPath, ['node_modules/.bin/vite', 'build'], { stdio: 'ignore' });
}
/** Each section: its BENCH_ONLY name, its key in the results, what it prints while it runs. */
const sections = [
	{
		name: 'pages',
		key: 'pages',
		title: 'Lektionsseite gegen statische Referenz …',
		run: benchPages
	},
	{
		name: 'targets',
		key: 'targets',
		title: 'Seiten im Verhältnis zu nginx (wrk, 50 Verbindungen) …',
		run: benchTargets
	},
	{
		name: 'scaling',
		key: 'scaling',
		title: 'Seiten bei 1- und 10-facher Datenmenge …',
		run: benchScaling
	},
	{ name: 'quiz', key: 'quiz', title: 'Quiz-Abgaben …', run: benchQuizSubmissions },
	{ name: 'pdf', key: 'certificatePdf', title: 'Zertifikats-PDF …', run: benchCertificatePdf },
	{ name: 'weight', key: 'pageWeight', title: 'Seitengewicht …', run: benchPageWeight }
];
// A section that fails is reported and the others still run: a run takes ten minutes, and its
// results are written either way.
const failures: Record<string, string> = {};
for (const { name, key, title, run } of sections) {
	if (!wanted(name)) continue;
	console.log(title);
	try {
		report[key] = await run(context);
	} catch (error) {
		failures[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
		console.error(`${name}: ${failures[name]}`);
	}
}
if (Object.keys(failures).length) report.failures = failures;

mkdirSync('bench/results', { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-');
const json = JSON.stringify(report, null, '\t');
writeFileSync(`bench/results/${stamp}.json`, json);
if (!only && Object.keys(failures).length === 0) writeFileSync('bench/results/latest.json', json);
printReport(report);
console.log('\nZiele (Issue 19):');
console.table(targetRows(report));
console.log(`\nErgebnisse: bench/results/${stamp}.json`);
if (Object.keys(failures).length) {
	console.error(
		`\nNicht gemessen: ${Object.keys(failures).join(', ')} (Fehler oben und in der JSON-Datei)`
	);
	process.exitCode = 1;
}
