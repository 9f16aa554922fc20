import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentIndex } from '../../src/lib/server/content/build-index';
import { readContentSnapshot } from '../../src/lib/server/content/disk';
import { GERMAN_LABELS } from '../../tests/support/unit/render-labels';
import { renderItemBody } from '../../src/lib/server/content/bodies';
import { prepareContent } from '../../src/lib/server/content/prepare';
import type { ContentVersion } from '../../src/lib/server/content/store';
import { checkContentDir } from './content-check';

// A course written only from content/README.md, dropped into a copy of content/: it must pass
// the check beside the real courses and its pages must render as the app renders them.

const projectRoot = resolve(import.meta.dirname, '../..');
const fixtureCourse = resolve(
	projectRoot,
	'tests/fixtures/guide-course/courses/99-leitfaden-probe'
);
const COURSE = 'courses/99-leitfaden-probe';

let workDir = '';
let contentRoot = '';
let version: ContentVersion;
let index: ContentIndex;

beforeAll(() => {
	workDir = mkdtempSync(join(tmpdir(), 'lernplattform-leitfaden-'));
	contentRoot = join(workDir, 'content');
	cpSync(join(projectRoot, 'content'), contentRoot, { recursive: true });
	cpSync(fixtureCourse, join(contentRoot, COURSE), { recursive: true });
	const result = prepareContent(readContentSnapshot(contentRoot)!);
	if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
	version = result.version;
	index = version.index;
}, 60_000);

afterAll(() => {
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** A page as the app renders it (run-time pipeline, German labels). */
function renderPage(itemId: string): string {
	return renderItemBody(version, `leitfaden-probe/${itemId}`, {
		locale: 'de',
		labels: GERMAN_LABELS,
		reservedIds: []
	})!.html;
}

describe('a course written from the authoring guide alone', () => {
	it('passes the content check beside the real courses with 0 errors and 0 warnings', async () => {
		// A fixed day: the shipped courses' review dates must not make this test age.
		const report = await checkContentDir(
			contentRoot,
			projectRoot,
			new Date('2026-12-02T12:00:00Z')
		);
		expect(report.lines).toHaveLength(1);
		expect(report.lines[0]).toMatch(/– 0 Fehler, 0 Warnungen\.$/);
		expect(report.errorCount).toBe(0);
		expect(report.warningCount).toBe(0);
	}, 90_000);

	it('is indexed with its frontmatter, ID overrides and module hours', () => {
		const course = index.courseById.get('leitfaden-probe');
		expect(course).toMatchObject({
			unlock: 'open',
			attendanceRequired: true,
			certificate: {
				kind: 'zertifikat',
				hours: 6,
				hoursSplit: { online: 3, inPerson: 2, practice: 1 },
				criteria: { minAttendancePercent: 75, requiredAssignmentsAccepted: true }
			},
			review: { stand: null, verantwortlich: 'Kursteam Probe', naechstePruefung: '2030-06' }
		});
		expect(course!.modules.map((module) => [module.id, module.hours])).toEqual([
			['leitfaden-probe/erste-schritte', 4],
			['leitfaden-probe/praxis-modul', 2]
		]);
		expect(course!.modules.flatMap((module) => module.items.map((item) => item.id))).toEqual([
			'leitfaden-probe/erste-schritte/willkommen',
			'leitfaden-probe/erste-schritte/video-und-audio',
			'leitfaden-probe/erste-schritte/wissenscheck',
			'leitfaden-probe/praxis-modul/aufgabe',
			'leitfaden-probe/praxis-modul/abschluss'
		]);
		expect(index.itemById.get('leitfaden-probe/praxis-modul/aufgabe')).toMatchObject({
			type: 'assignment',
			submission: ['text', 'file'],
			files: { maxMB: 10 },
			rubric: [
				{
					id: 'ziel',
					levels: [
						{ id: 'nicht-erfuellt', description: 'Kein Ziel genannt.' },
						{ id: 'teilweise', description: null },
						{ id: 'erfuellt' }
					]
				},
				{ id: 'rolle', levels: [] }
			],
			required: false,
			downloads: [
				{ file: 'vorlagen/gespraechsvorbereitung.docx', type: 'docx', trainerOnly: false },
				{ file: 'vorlagen/gespraechsvorbereitung.odt', type: 'odt', trainerOnly: false }
			],
			// Stand from its module, the next review of its own, the responsible from the course.
			review: { stand: '2026-11', verantwortlich: 'Kursteam Probe', naechstePruefung: '2030-01' }
		});
	});

	it('keeps trainer material apart from the items, with its assignment link and files', () => {
		const module = index.moduleById.get('leitfaden-probe/praxis-modul')!;
		expect(module.hoursSplit).toEqual({ online: 0, inPerson: 1, practice: 1 });
		expect(module.downloads).toEqual([
			{
				file: 'trainer/ablaufplan.pdf',
				title: 'Ablaufplan des Praxistags',
				description: null,
				type: 'pdf',
				trainerOnly: true
			}
		]);
		expect(
			index.trainerMaterialByModule.get(module.id)?.map((entry) => [entry.id, entry.assignmentId])
		).toEqual([
			['leitfaden-probe/praxis-modul/trainerleitfaden', null],
			['leitfaden-probe/praxis-modul/bewertungshinweise', 'leitfaden-probe/praxis-modul/aufgabe']
		]);
		expect(index.moduleById.get('leitfaden-probe/erste-schritte')?.downloads[0]).toMatchObject({
			title: 'Merkblatt Elterngespräch',
			description: 'Eine Seite zum Mitnehmen.'
		});
	});

	it('parses a quiz with every question type, option and question feedback', () => {
		const quiz = index.quizById.get('leitfaden-probe/erste-schritte/wissenscheck')!;
		expect(quiz).toMatchObject({ passPercent: 60, shuffle: true, draw: 5, showAnswers: false });
		expect(quiz.questions.map((question) => [question.id, question.type])).toEqual([
			['einladung', 'single'],
			['vorher', 'multiple'],
			['rolle', 'cloze'],
			['zustaendig', 'matching'],
			['ablauf', 'ordering'],
			['kind', 'single']
		]);
		const [single, multiple, cloze, matching, ordering] = quiz.questions;
		expect(single?.type === 'single' && single.options.every((option) => option.feedbackHtml)).toBe(
			true
		);
		expect(single?.promptHtml).toContain(
			'src="/medien/leitfaden-probe/erste-schritte/bilder/plan.png"'
		);
		expect(
			multiple?.type === 'multiple' && multiple.options.map((option) => option.correct)
		).toEqual([true, false, true]);
		expect(
			cloze?.type === 'cloze' &&
				cloze.parts.flatMap((part) => (part.kind === 'gap' ? [part.answers] : []))
		).toEqual([
			['dolmetsche', 'übersetze'],
			['vollständig', 'alles'],
			['Meinung', 'Bewertung']
		]);
		expect(matching?.type === 'matching' && matching.pairs.map((pair) => pair.right)).toEqual([
			'Lehrkraft',
			'Schule',
			'Sekretariat'
		]);
		expect(ordering?.type === 'ordering' && ordering.steps).toHaveLength(4);
		expect(quiz.questions.slice(0, 5).every((question) => question.feedbackHtml)).toBe(true);
	});

	it('renders a lesson with every authoring component and asset link', () => {
		const html = renderPage('erste-schritte/willkommen');
		expect(html).toContain('<h2 id="worum-es-geht">Worum es geht</h2>');
		expect(html).toContain('Lots*innen und Berater*innen');
		expect(html).toMatch(
			/<dfn><button type="button" popovertarget="begriff-1-erklaerung">Klassenleitung<\/button><\/dfn>\s*<span class="erklaerung" id="begriff-1-erklaerung" popover="auto">/
		);
		expect(html).toContain('role="note"');
		expect(html).toContain('Sprechen Sie <strong>vor</strong> dem Termin');
		expect(html).toContain('src="/medien/leitfaden-probe/erste-schritte/bilder/plan.png"');
		expect(html).toContain('href="/medien/leitfaden-probe/erste-schritte/dokumente/merkblatt.pdf"');
		expect(html).toContain('type="checkbox"');
		expect(html).toContain('<table>');
		expect(html).toContain('Ein Platzhalter wie {Name} bleibt Text.');
		expect(html).toContain('§ 41 Schulgesetz');
		expect(html).toContain('src="/medien/leitfaden-probe/erste-schritte/audio/gespraech.mp3"');
		expect(html).toContain('Ich möchte über die Noten von Amira sprechen.');
	});

	it('renders video with captions, a plain-text transcript and every Hinweis type', () => {
		const html = renderPage('erste-schritte/video-und-audio');
		expect(html).toContain('src="/medien/leitfaden-probe/erste-schritte/video/film.mp4"');
		expect(html).toMatch(
			/<track kind="captions" src="\/medien\/leitfaden-probe\/erste-schritte\/video\/film\.vtt" srclang="de"/
		);
		expect(html).toContain('Lehrerin: Guten Tag. Mutter: Guten Tag, danke für die Einladung.');
		expect(html).toContain('hinweis-info');
		expect(html).toContain('hinweis-achtung');
	});

	it('renders trainer material like a lesson, with its links to the trainer/ folder', () => {
		const html = renderPage('praxis-modul/trainerleitfaden');
		expect(html).toContain('<h2 id="ablauf">Ablauf</h2>');
		expect(html).toContain('<table>');
		expect(html).toContain('href="/medien/leitfaden-probe/praxis-modul/trainer/ablaufplan.pdf"');
		expect(html).toContain('hinweis-tipp');
	});

	it('renders the assignment instructions and a lesson in a module with an ID override', () => {
		const assignment = renderPage('praxis-modul/aufgabe');
		expect(assignment).toContain('<h2 id="ihre-aufgabe">Ihre Aufgabe</h2>');
		expect(assignment).toContain('Keine echten Daten');
		const lesson = renderPage('praxis-modul/abschluss');
		expect(lesson).toContain('>Gesprächsnotiz</button></dfn>');
	});
});
