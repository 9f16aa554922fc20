import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { startApp } from '../../tests/support/app-server';
import { enrolByEmail } from '../../tests/support/arrange';
import { percentile } from '../lib/percentile';
import { loginCookie } from '../lib/session';
import { DEMO, type BenchContext } from '../context';

const COUNT = 60;
/** Downloads after the first and before the measured ones: the JIT's first seconds, as in the quiz bench. */
const WARM_UP = 10;
const COURSE = 'verwaltungskenntnisse';

export interface PdfResult {
	/** The first download after start: loads pdfkit and parses the fonts. Not in p50/p95. */
	firstMs: number;
	warmUp: number;
	count: number;
	p50: number;
	p95: number;
	bytes: number;
	/** The server's peak resident memory (VmHWM) after generating them. */
	peakRssMiB: number;
	/** Its peak right after start (and the readiness check), before any PDF: what was already taken. */
	startPeakRssMiB: number;
	/** Server CPU time per download (user + system): steadier than wall time on a busy machine. */
	cpuMsPerPdf: number;
}

/** Peak resident memory (VmHWM) of a process, in MiB. */
function peakRssMiB(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Math.round(Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024);
}

/** CPU time (user + system) a process has used, in ms. */
function cpuMs(pid: number): number {
	// /proc/<pid>/stat fields 14 and 15 (after the name in parentheses), in clock ticks of 10 ms
	// (USER_HZ is 100 on Linux).
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

function learnerId(databasePath: string): string {
	const db = new Database(databasePath, { readonly: true });
	try {
		return (db.prepare('select id from users where email = ?').get(DEMO.learner) as { id: string })
			.id;
	} finally {
		db.close();
	}
}

/** Downloads one certificate repeatedly: every download renders the PDF (no document is cached). */
export async function benchCertificatePdf(context: BenchContext): Promise<PdfResult> {
	const app = await startApp({ port: context.port });
	const pid = app.process.pid!;
	try {
		const startPeak = peakRssMiB(pid);
		enrolByEmail(app.databasePath, DEMO.learner, COURSE);
		const admin = await loginCookie(app.url, 'admin@example.org', DEMO.password);
		const userId = learnerId(app.databasePath);
		await fetch(`${app.url}/trainer/zertifikate?/issue`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: admin, origin: app.url, accept: 'text/html' },
			body: new URLSearchParams({ userId, courseId: COURSE, bestaetigt: 'ja' })
		});
		const db = new Database(app.databasePath, { readonly: true });
		const certificate = db
			.prepare("select id from certificates where user_id = ? and status = 'valid'")
			.get(userId) as { id: string } | undefined;
		db.close();
		if (!certificate) throw new Error('no certificate was issued');
		let bytes = 0;
		const download = async (): Promise<number> => {
			const started = performance.now();
			const response = await fetch(`${app.url}/zertifikate/${certificate.id}/pdf`, {
				headers: { cookie: admin }
			});
			bytes = (await response.arrayBuffer()).byteLength;
			if (response.status !== 200) throw new Error(`PDF answered ${response.status}`);
			return performance.now() - started;
		};
		const firstMs = Math.round(await download());
		for (let i = 0; i < WARM_UP; i += 1) await download();
		const times: number[] = [];
		const cpuBefore = cpuMs(pid);
		for (let i = 0; i < COUNT; i += 1) times.push(await download());
		const cpuMsPerPdf = Math.round(((cpuMs(pid) - cpuBefore) / COUNT) * 10) / 10;
		times.sort((a, b) => a - b);
		return {
			firstMs,
			warmUp: WARM_UP,
			count: COUNT,
			p50: Math.round(percentile(times, 50) * 10) / 10,
			p95: Math.round(percentile(times, 95) * 10) / 10,
			bytes,
			peakRssMiB: peakRssMiB(pid),
			startPeakRssMiB: startPeak,
			cpuMsPerPdf
		};
	} finally {
		await app.stop();
	}
}
