import type { QuizResult } from '../sections/quiz';
/** Prints the figures of a bench report as plain tables. */
export function printReport(report: Record<string, unknown>): void {
	const rows: Record<string, string | number>[] = [];
	const add = (area: string, figure: string, value: string | number) =>
		rows.push({ area, figure, value });

	type ContentFigures = {
		checkMs: number;
		buildMs: number;
		load?: {
			bodies: number;
			checkMs: number;
			renderMs: number;
			cpuMs: number;
			cachedLookupUs: number;
		};
	};
	const build = report.contentBuild as
		| { shipped: ContentFigures; large: ContentFigures & { lessons: number; quizzes: number } }
		| undefined;
	if (build) {
		const label = (name: string) =>
			name === 'shipped'
				? 'shipped'
				: `+${build.large.lessons} lessons/${build.large.quizzes} quizzes`;
		for (const name of ['shipped', 'large'] as const) {
			const figures = build[name];
			add('content', `check ${label(name)} (ms)`, figures.checkMs);
			add('content', `build ${label(name)} (ms)`, figures.buildMs);
			if (figures.load) {
				add(
					'content',
					`server load ${label(name)}: check / render ${figures.load.bodies} bodies (ms, CPU ms)`,
					`${figures.load.checkMs} / ${figures.load.renderMs} (${figures.load.cpuMs})`
				);
				add('content', `cached body lookup ${label(name)} (µs)`, figures.load.cachedLookupUs);
			}
		}
	}
	type Load = { requestsPerSecond: number; p50: number; p95: number; p99: number; non2xx: number };
	const pages = report.pages as
		| {
				staticServer: string;
				staticCeiling: Record<string, Load>;
				lesson: Record<string, Load>;
				ratioToStatic: Record<string, number>;
		  }
		| undefined;
	if (pages) {
		for (const [key, load] of Object.entries(pages.staticCeiling)) {
			add(
				`static (${pages.staticServer})`,
				`${key} req/s | p50/p95/p99 ms`,
				`${load.requestsPerSecond} | ${load.p50}/${load.p95}/${load.p99}`
			);
		}
		for (const [key, load] of Object.entries(pages.lesson)) {
			add(
				'lesson page',
				`${key} req/s | p50/p95/p99 ms | ratio`,
				`${load.requestsPerSecond} | ${load.p50}/${load.p95}/${load.p99} | ${pages.ratioToStatic[key]}`
			);
		}
	}
	const quiz = report.quiz as QuizResult | undefined;
	for (const run of quiz ? [quiz.single, quiz.cluster] : []) {
		add(
			'quiz submit',
			`${run.workers} process(es): submissions/s | p95 ms`,
			`${run.requestsPerSecond} | ${run.p95}`
		);
	}
	const pdf = report.certificatePdf as
		| {
				firstMs?: number;
				count: number;
				p50: number;
				p95: number;
				peakRssMiB: number;
				startPeakRssMiB?: number;
				cpuMsPerPdf?: number;
		  }
		| undefined;
	if (pdf)
		add(
			'certificate PDF',
			`first ms | then p50/p95 (n=${pdf.count}) | CPU ms each | peak RSS MiB (of it at start)`,
			`${pdf.firstMs ?? '–'} | ${pdf.p50}/${pdf.p95} | ${pdf.cpuMsPerPdf ?? '–'} | ${pdf.peakRssMiB} (${pdf.startPeakRssMiB ?? '–'})`
		);
	const weights = report.pageWeight as
		{ path: string; jsGzipBytes: number; cssGzipBytes: number }[] | undefined;
	for (const weight of weights ?? []) {
		add(
			'page weight',
			`${weight.path} JS/CSS gzip bytes`,
			`${weight.jsGzipBytes}/${weight.cssGzipBytes}`
		);
	}
	console.table(rows);
}
