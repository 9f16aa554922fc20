// `npm run bench`: measures the platform on this machine in one run and writes
// bench/results/<timestamp>.json (and latest.json). Not part of `npm test`: figures, not verdicts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { createContext } from './context';
import { printReport } from './lib/report';
import { benchContentBuild } from './sections/content-build';
import { benchPageWeight } from './sections/page-weight';
import { benchPages } from './sections/pages';

const context = createContext();
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

// The content/build section rebuilds build/ first, so every later section measures that build.
console.log('Inhalte prüfen und bauen …');
report.contentBuild = benchContentBuild();
console.log('Lektionsseite gegen statische Referenz …');
report.pages = await benchPages(context);
console.log('Seitengewicht …');
report.pageWeight = await benchPageWeight(context);

mkdirSync('bench/results', { recursive: true });
const stamp = started.toISOString().replace(/[:.]/g, '-');
const json = JSON.stringify(report, null, '\t');
writeFileSync(`bench/results/${stamp}.json`, json);
writeFileSync('bench/results/latest.json', json);
printReport(report);
console.log(`\nErgebnisse: bench/results/${stamp}.json`);
