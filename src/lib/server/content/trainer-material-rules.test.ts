import { describe, expect, it } from 'vitest';
import {
	buildWith,
	ITEM,
	lessonFile,
	lines,
	MODULE,
	problemsIn
} from '../../../../tests/fixtures/content/helpers';
import { UNSAFE_PAYLOADS } from '../../../../tests/fixtures/content/payloads';

const GUIDE = 'courses/01-kurs/01-modul/90-leitfaden.md';
const TASK = 'courses/01-kurs/01-modul/02-aufgabe.md';
const assignment = lines(
	'---',
	'type: assignment',
	'title: Aufgabe',
	'submission: [text]',
	'---',
	'',
	'## Aufgabe',
	'',
	'Text.'
);
const guide = (...extra: string[]) =>
	lines('---', 'type: trainer', 'title: Leitfaden', ...extra, '---', '', '## Ablauf', '', 'Tag 1.');

describe('trainer material (type: trainer)', () => {
	it('is indexed apart from the module items, with its assignment link', () => {
		const { index, errors } = buildWith({
			[ITEM]: lessonFile,
			[TASK]: assignment,
			[GUIDE]: guide('assignment: aufgabe')
		});
		expect(errors).toEqual([]);
		const module = index.moduleById.get('kurs/modul')!;
		expect(module.items.map((item) => item.id)).toEqual(['kurs/modul/eintrag', 'kurs/modul/aufgabe']);
		expect(index.itemById.has('kurs/modul/leitfaden')).toBe(false);
		expect(index.trainerMaterialById.get('kurs/modul/leitfaden')).toMatchObject({
			type: 'trainer',
			title: 'Leitfaden',
			moduleId: 'kurs/modul',
			assignmentId: 'kurs/modul/aufgabe',
			order: 0
		});
		expect(index.trainerMaterialByModule.get('kurs/modul')?.map((entry) => entry.id)).toEqual([
			'kurs/modul/leitfaden'
		]);
		expect(index.trainerMaterialPathById.get('kurs/modul/leitfaden')).toBe(GUIDE);
	});

	it('claims its ID like any item', () => {
		const result = buildWith({ [ITEM]: lessonFile, [GUIDE]: guide('id: eintrag') });
		expect(problemsIn(result.errors, GUIDE)).toEqual([
			`4: Doppelte ID „kurs/modul/eintrag“ (auch in ${ITEM}).`
		]);
	});

	it('reports an assignment link that names no practice assignment of the module', () => {
		const result = buildWith({ [ITEM]: lessonFile, [GUIDE]: guide('assignment: eintrag') });
		expect(problemsIn(result.errors, GUIDE)).toEqual([
			'4: „assignment“ nennt „eintrag“, aber das Modul hat keine Praxisaufgabe mit dieser ID.'
		]);
	});

	it('does not count as content: a module with trainer material only has no items', () => {
		const result = buildWith({ [GUIDE]: guide() });
		expect(problemsIn(result.errors, MODULE)).toEqual([
			'1: Das Modul hat keine Einträge (Lektionen, Quizze oder Aufgaben).'
		]);
	});

	it('may link files in trainer/, which lessons, quizzes and assignments may not', () => {
		const assets = ['courses/01-kurs/01-modul/trainer/ablauf.pdf'];
		const withLink = (raw: string) => raw + '\n[Ablauf](trainer/ablauf.pdf)\n';
		const result = buildWith(
			{ [ITEM]: withLink(lessonFile), [GUIDE]: withLink(guide()), [TASK]: withLink(assignment) },
			assets
		);
		const message =
			'Link-Ziel „trainer/ablauf.pdf“ liegt im Ordner trainer/ und ist nur für Trainer*innen: nur im Trainermaterial oder unter „downloads“ in module.md verwenden.';
		expect(problemsIn(result.errors, ITEM)).toEqual([`9: ${message}`]);
		expect(problemsIn(result.errors, TASK)).toEqual([`11: ${message}`]);
		expect(problemsIn(result.errors, GUIDE)).toEqual([]);
	});

	it('refuses a transcript from trainer/ in a lesson (it would be shown to learners)', () => {
		const lesson = lessonFile + '\n<Medien typ="audio" src="a.mp3" transkript="Trainer/t.md" />\n';
		const result = buildWith({ [ITEM]: lesson }, ['a.mp3', 'Trainer/t.md'].map((path) => `courses/01-kurs/01-modul/${path}`));
		expect(problemsIn(result.errors, ITEM)[0]).toMatch(/^9: Link-Ziel „Trainer\/t\.md“ liegt im Ordner trainer\//);
	});

	// Trainer material is rendered like a lesson at run time, so it passes the same HTML check.
	for (const { name, markdown } of UNSAFE_PAYLOADS) {
		it(`rejects ${name} as a lesson would`, () => {
			const result = buildWith({ [ITEM]: lessonFile, [GUIDE]: guide() + '\n' + markdown + '\n' });
			expect(problemsIn(result.errors, GUIDE).length).toBeGreaterThan(0);
		});
	}
});
