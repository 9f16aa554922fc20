import type { QuizResult } from '../sections/quiz';
import type { ScalingRun } from '../sections/scaling';
import type { TargetsResult } from '../sections/targets';

interface Row {
	target: string;
	measured: string;
	met: '✓' | '✗' | '–';
}

const percent = (share: number) => `${(share * 100).toFixed(2)} %`;
const check = (ok: boolean) => (ok ? '✓' : '✗');

/** Every target of issue 19 that this run measured, with its value and ✓/✗. */
export function targetRows(report: Record<string, unknown>): Row[] {
	const rows: Row[] = [];
	const targets = report.targets as TargetsResult | undefined;
	if (targets) {
		for (const page of [...targets.pages, targets.cluster.lesson]) {
			const figures = `${page.app.requestsPerSecond}/s of nginx ${page.nginx.requestsPerSecond}/s`;
			if (page.target === null) {
				rows.push({
					target: `${page.page}: (no target)`,
					measured: `${percent(page.share)} (${figures})`,
					met: '–'
				});
				continue;
			}
			rows.push({
				target: `${page.page} ≥ ${percent(page.target)} of nginx`,
				measured: `${percent(page.share)} (${figures})`,
				met: check(page.share >= page.target)
			});
		}
		const { lessonC100, p95Target } = targets.cluster;
		rows.push({
			target: `lesson page clustered, c100: p95 ≤ ${p95Target} ms`,
			measured: `${lessonC100.p95} ms (${lessonC100.requestsPerSecond}/s)`,
			met: check(lessonC100.p95 <= p95Target)
		});
	}
	const quiz = report.quiz as QuizResult | undefined;
	if (quiz) {
		const { cluster } = quiz;
		rows.push({
			target: 'quiz submit ≥ 1000/s clustered, p95 ≤ 50 ms',
			measured: `${cluster.requestsPerSecond}/s, p95 ${cluster.p95} ms (${cluster.workers} processes)`,
			met: check(cluster.requestsPerSecond >= 1000 && cluster.p95 <= 50)
		});
	}
	const pdf = report.certificatePdf as
		{ firstMs?: number; p95: number; peakRssMiB: number; startPeakRssMiB?: number } | undefined;
	if (pdf) {
		// The first download after start loads pdfkit and the fonts; it is told, not in the p95.
		const first = pdf.firstMs === undefined ? '' : ` (first after start ${pdf.firstMs} ms)`;
		rows.push({
			target: 'certificate PDF p95 ≤ 50 ms',
			measured: `${pdf.p95} ms${first}`,
			met: check(pdf.p95 <= 50)
		});
		// The peak is the whole server's; how much of it was there before the first PDF is told.
		const atStart = pdf.startPeakRssMiB === undefined ? '' : ` (${pdf.startPeakRssMiB} at start)`;
		rows.push({
			target: 'certificate PDF peak RSS ≤ 150 MB',
			measured: `${pdf.peakRssMiB} MiB${atStart}`,
			met: check(pdf.peakRssMiB <= 150)
		});
	}
	const weights = report.pageWeight as { path: string; jsGzipBytes: number }[] | undefined;
	for (const weight of weights ?? []) {
		if (!/^\/(kurse|quiz)\//.test(weight.path)) continue;
		rows.push({
			target: `${weight.path}: JS ≤ 40 KB gzip`,
			measured: `${(weight.jsGzipBytes / 1024).toFixed(1)} KB`,
			met: check(weight.jsGzipBytes <= 40 * 1024)
		});
	}
	rows.push(...scalingRows(report.scaling as ScalingRun[] | undefined));
	return rows;
}

/**
 * Time per request at 1× and 10× data: it may grow as much as what the page shows grows, not
 * with the data behind it; the matrix page must stay within 300 ms.
 */
function scalingRows(runs: ScalingRun[] | undefined): Row[] {
	const one = runs?.find((run) => run.factor === 1);
	const ten = runs?.find((run) => run.factor === 10);
	if (!one || !ten) return [];
	return one.pages.map((page, index) => {
		const big = ten.pages[index]!;
		const growth = big.msPerRequest / page.msPerRequest;
		const withinMatrixLimit = !page.page.startsWith('trainer matrix') || big.msPerRequest <= 300;
		return {
			target: `scaling, ${page.page}: ×10 data, time ≤ ×${page.grows} (shows ${page.shows} → ${big.shows})`,
			measured: `${page.msPerRequest} → ${big.msPerRequest} ms (×${growth.toFixed(1)})`,
			met: check(growth <= page.grows && withinMatrixLimit)
		};
	});
}
