// `tsx bench/lib/content-load.ts <content folder>`: what the server does with course content at
// start and on every reload: read the folder, check every file, render every lesson. Prints
// one JSON line with the times in ms. Runs in its own process, so nothing is cached before.
import { readContentSnapshot } from '../../src/lib/server/content/disk';
import { GERMAN_LABELS } from '../../tests/support/unit/render-labels';
import { renderAllBodies } from '../../src/lib/server/content/bodies';
import { prepareContent } from '../../src/lib/server/content/prepare';

const dir = process.argv[2] ?? 'content';
// CPU time too: on a shared machine it says more than the clock.
const cpuMs = (since?: NodeJS.CpuUsage) => {
	const usage = process.cpuUsage(since);
	return Math.round((usage.user + usage.system) / 1000);
};
const cpuStart = process.cpuUsage();
const started = performance.now();
const snapshot = readContentSnapshot(dir);
if (!snapshot) throw new Error(`${dir}: no courses/ folder`);
const read = performance.now();
const result = prepareContent(snapshot);
if (!result.ok) throw new Error(`${dir}: ${result.errors.length} errors`);
const checked = performance.now();
const bodies = renderAllBodies(result.version, {
	locale: 'de',
	labels: GERMAN_LABELS,
	reservedIds: []
});
const rendered = performance.now();
const cpuTotal = cpuMs(cpuStart);
// A second pass: what a lesson request costs once the body is cached.
renderAllBodies(result.version, { locale: 'de', labels: GERMAN_LABELS, reservedIds: [] });
const cached = performance.now();

console.log(
	JSON.stringify({
		files: snapshot.files.length,
		bodies,
		readMs: Math.round(read - started),
		checkMs: Math.round(checked - read),
		renderMs: Math.round(rendered - checked),
		cpuMs: cpuTotal,
		cachedLookupUs: Math.round(((cached - rendered) * 1000) / Math.max(bodies, 1))
	})
);
