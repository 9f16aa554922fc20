import { describe, expect, it } from 'vitest';
import { buildWith, ITEM, itemErrors, lines, MODULE, problemsIn } from '../../../../tests/fixtures/content/helpers';

const lesson = (...downloads: string[]) =>
	lines('---', 'title: Lektion', 'downloads:', ...downloads, '---', '', '## Start', '', 'Text.');
const asset = (path: string) => `courses/01-kurs/01-modul/${path}`;
const assets = ['vorlagen/brief.docx', 'vorlagen/merkblatt.odt', 'handout.pdf', 'trainer/plan.pdf'].map(asset);

describe('downloads in the frontmatter', () => {
	it('keeps declared files with their type; trainer/ files are marked trainer-only', () => {
		const { index, errors } = buildWith(
			{
				[MODULE]: lines(
					'---',
					'title: Modul',
					'downloads:',
					'  - file: trainer/plan.pdf',
					'    title: Ablaufplan',
					'---'
				),
				[ITEM]: lesson(
					'  - file: vorlagen/brief.docx',
					'    title: "Vorlage: Brief"',
					'    description: Zum Ausfüllen.',
					'  - file: ./handout.pdf',
					'    title: Handout'
				)
			},
			assets
		);
		expect(errors).toEqual([]);
		const item = index.itemById.get('kurs/modul/eintrag');
		expect(item?.type === 'lesson' && item.downloads).toEqual([
			{
				file: 'vorlagen/brief.docx',
				title: 'Vorlage: Brief',
				description: 'Zum Ausfüllen.',
				type: 'docx',
				trainerOnly: false
			},
			{ file: 'handout.pdf', title: 'Handout', description: null, type: 'pdf', trainerOnly: false }
		]);
		expect(index.moduleById.get('kurs/modul')?.downloads).toEqual([
			{ file: 'trainer/plan.pdf', title: 'Ablaufplan', description: null, type: 'pdf', trainerOnly: true }
		]);
	});

	it('reports each bad entry on its line', () => {
		const result = buildWith(
			{
				[ITEM]: lesson(
					'  - file: ../anderes-modul/brief.docx',
					'    title: A',
					'  - file: bild.png',
					'    title: B',
					'  - file: fehlt.pdf',
					'    title: C',
					'  - file: trainer/plan.pdf',
					'    title: D',
					'  - file: handout.pdf',
					'    title: E',
					'  - file: handout.pdf',
					'    title: F'
				)
			},
			[...assets, asset('bild.png')]
		);
		expect(problemsIn(result.errors, ITEM)).toEqual([
			'4: Download „../anderes-modul/brief.docx“ liegt außerhalb des Modulordners.',
			'6: Download „bild.png“: erlaubt sind PDF, DOCX und ODT (Endung .pdf, .docx oder .odt).',
			'8: Download „fehlt.pdf“ existiert nicht.',
			'10: „trainer/plan.pdf“ liegt im Ordner trainer/ und ist nur für Trainer*innen: nur im Trainermaterial oder unter „downloads“ in module.md verwenden.',
			'14: Download „handout.pdf“ steht doppelt in „downloads“.'
		]);
		expect(itemErrors(lesson('  - title: Ohne Datei'))).toEqual(['4: Pflichtangabe „file“ fehlt.']);
	});

	it('is not a key of quizzes', () => {
		const quiz = lines('---', 'type: quiz', 'title: T', 'downloads: []', '---', '', '## F?', '', '- [x] a', '- [ ] b');
		expect(problemsIn(buildWith({ [ITEM]: quiz }).errors, ITEM)).toEqual([
			'4: Unbekannter Schlüssel „downloads“ im Frontmatter.'
		]);
	});
});
