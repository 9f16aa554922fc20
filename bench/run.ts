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
if (wanted('pages')) {
	console.log('Lektionsseite gegen statische Referenz …');
	report.pages = await benchPages(context);
}
if (wanted('targets')) {
	console.log('Seiten im Verhältnis zu nginx (wrk, 50 Verbindungen) …');
	report.targets = await benchTargets(context);
}
if (wanted('scaling')) {
	console.log('Seiten bei 1- und 10-facher Datenmenge …');
	report.scaling = await benchScaling(context);
}
if (wanted('quiz')) {
	console.log('Quiz-Abgaben …');
	report.quiz = await benchQuizSubmissions(context);
}
if (wanted('pdf')) {
	console.log('Zertifikats-PDF …');
	report.certificatePdf = await benchCertificatePdf(context);
}
if (wanted('weight')) {
	console.log('Seitengewicht …');
	report.pageWeight = await benchPageWeight(context);
}

mkdirSync('bench/results', { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-');
const json = JSON.stringify(report, null, '\t');
writeFileSync(`bench/results/${stamp}.json`, json);
if (!only) writeFileSync('bench/results/latest.json', json);
printReport(report);
console.log('\nZiele (Issue 19):');
console.table(targetRows(report));
console.log(`\nErgebnisse: bench/results/${stamp}.json`);
