import { describe, expect, it } from 'vitest';
import { formatMonth, monthOf } from '../../content/months';
import {
	buildWith,
	COURSE,
	ITEM,
	itemErrors,
	itemWarnings,
	lessonFile,
	lines,
	MODULE,
	problemsIn
} from '../../../../tests/fixtures/content/helpers';

const body = ['', '## Start', '', 'Text.'];
const course = (...extra: string[]) => lines('---', 'title: K', 'summary: S', ...extra, '---');
const certificate = (...extra: string[]) =>
	course('certificate:', '  kind: zertifikat', '  title: Z', '  hours: 16', ...extra);

describe('review dates (stand, verantwortlich, naechstePruefung)', () => {
	it('formats months for people and finds the Berlin month of a moment', () => {
		expect(formatMonth('2026-11')).toBe('November 2026');
		expect(formatMonth('2027-03', 'en')).toBe('March 2027');
		// 23:30 UTC on 31 December is already January in Berlin.
		expect(monthOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
	});

	it('accepts them in every kind of file and lets items inherit module and course values', () => {
		const { index, errors, warnings } = buildWith({
			[COURSE]: course('stand: 2026-10', 'verantwortlich: Team Curriculum', 'naechstePruefung: 2027-10'),
			[MODULE]: lines('---', 'title: M', 'stand: 2026-11', '---'),
			[ITEM]: lines('---', 'title: L', 'naechstePruefung: 2027-05', '---', ...body)
		});
		expect(errors).toEqual([]);
		expect(warnings).toEqual([]);
		expect(index.courseById.get('kurs')?.review).toEqual({
			stand: '2026-10',
			verantwortlich: 'Team Curriculum',
			naechstePruefung: '2027-10'
		});
		expect(index.itemById.get('kurs/modul/eintrag')?.review).toEqual({
			stand: '2026-11',
			verantwortlich: 'Team Curriculum',
			naechstePruefung: '2027-05'
		});
	});

	it('reports a wrong format in German, on its line', () => {
		expect(
			itemErrors(lines('---', 'title: L', 'stand: November 2026', 'naechstePruefung: 2027', '---', ...body))
		).toEqual([
			'3: „stand“ muss Jahr und Monat im Format JJJJ-MM sein, z. B. 2026-11.',
			'4: „naechstePruefung“ muss Jahr und Monat im Format JJJJ-MM sein, z. B. 2026-11.'
		]);
		expect(itemErrors(lines('---', 'title: L', 'verantwortlich: ""', '---', ...body))).toEqual([
			'3: „verantwortlich“ darf nicht leer sein.'
		]);
	});

	it('warns when a review is overdue relative to today, naming who is responsible', () => {
		const file = lines(
			'---',
			'title: L',
			'stand: 2025-11',
			'verantwortlich: Katrin Weber',
			'naechstePruefung: 2026-11',
			'---',
			...body
		);
		expect(itemWarnings(file)).toEqual([
			'5: Die Prüfung war für November 2026 vorgesehen und ist überfällig (verantwortlich: Katrin Weber). Inhalt prüfen, dann „stand“ und „naechstePruefung“ neu setzen.'
		]);
		// Still in the month of the review: not overdue yet.
		const inMonth = buildWith({ [ITEM]: file }, [], new Date('2026-11-30T12:00:00Z'));
		expect(inMonth.warnings).toEqual([]);
	});

	it('warns once, where the date is declared, not in every file that inherits it', () => {
		const result = buildWith({
			[MODULE]: lines('---', 'title: M', 'naechstePruefung: 2026-01', '---'),
			[ITEM]: lessonFile,
			'courses/01-kurs/01-modul/02-zwei.md': lessonFile.replace('Lektion', 'Zwei')
		});
		expect(result.warnings.map((w) => `${w.file}:${w.line}`)).toEqual([`${MODULE}:3`]);
	});

	it('warns about a stand in the future and a next review before the stand', () => {
		expect(
			itemWarnings(lines('---', 'title: L', 'stand: 2027-02', 'naechstePruefung: 2027-01', '---', ...body))
		).toEqual([
			'3: „stand“ (Februar 2027) liegt in der Zukunft; gemeint ist der Monat der letzten Prüfung.',
			'4: „naechstePruefung“ (Januar 2027) liegt vor „stand“ (Februar 2027).'
		]);
	});
});

describe('UE split (hoursSplit)', () => {
	it('keeps the split of the certificate and of the modules', () => {
		const { index, errors, warnings } = buildWith({
			[COURSE]: certificate('  hoursSplit:', '    online: 6', '    inPerson: 8', '    practice: 2'),
			[MODULE]: lines(
				'---',
				'title: M',
				'hours: 16',
				'hoursSplit: { online: 6, inPerson: 8, practice: 2 }',
				'---'
			),
			[ITEM]: lessonFile
		});
		expect(errors).toEqual([]);
		expect(warnings).toEqual([]);
		expect(index.courseById.get('kurs')?.certificate?.hoursSplit).toEqual({
			online: 6,
			inPerson: 8,
			practice: 2
		});
		expect(index.moduleById.get('kurs/modul')?.hoursSplit).toEqual({
			online: 6,
			inPerson: 8,
			practice: 2
		});
	});

	it('reports a certificate split that does not add up to certificate.hours', () => {
		const result = buildWith({
			[COURSE]: certificate('  hoursSplit:', '    online: 6', '    inPerson: 8'),
			[MODULE]: lines('---', 'title: M', 'hours: 16', '---'),
			[ITEM]: lessonFile
		});
		expect(problemsIn(result.errors, COURSE)).toEqual([
			'8: Die UE-Aufteilung (online 6 + Präsenz 8 + Praxis 0 = 14) ergibt nicht „certificate.hours“ (16).'
		]);
	});

	it('reports a module split without hours or with a different sum', () => {
		const noHours = buildWith({
			[MODULE]: lines('---', 'title: M', 'hoursSplit: { online: 2 }', '---'),
			[ITEM]: lessonFile
		});
		expect(problemsIn(noHours.errors, MODULE)).toEqual([
			'3: „hoursSplit“ braucht „hours“, die Summe der UE.'
		]);
		const wrongSum = buildWith({
			[MODULE]: lines('---', 'title: M', 'hours: 4', 'hoursSplit: { online: 2, practice: 1 }', '---'),
			[ITEM]: lessonFile
		});
		expect(problemsIn(wrongSum.errors, MODULE)).toEqual([
			'4: Die UE-Aufteilung (online 2 + Präsenz 0 + Praxis 1 = 3) ergibt nicht „hours“ (4).'
		]);
	});

	it('warns when the modules split their UE differently from the certificate', () => {
		const module2 = 'courses/01-kurs/02-zwei/module.md';
		const result = buildWith({
			[COURSE]: certificate('  hoursSplit:', '    online: 8', '    inPerson: 8'),
			[MODULE]: lines('---', 'title: M', 'hours: 8', 'hoursSplit: { online: 4, inPerson: 4 }', '---'),
			[ITEM]: lessonFile,
			[module2]: lines('---', 'title: Zwei', 'hours: 8', 'hoursSplit: { inPerson: 8 }', '---'),
			'courses/01-kurs/02-zwei/01-l.md': lessonFile
		});
		expect(result.errors).toEqual([]);
		expect(problemsIn(result.warnings, COURSE)).toEqual([
			'9: Die Module ergeben 4 UE online, die UE-Aufteilung des Zertifikats nennt 8.',
			'10: Die Module ergeben 12 UE Präsenz, die UE-Aufteilung des Zertifikats nennt 8.'
		]);
	});

	it('warns about a module with UE but no split once another module has one', () => {
		const module2 = 'courses/01-kurs/02-zwei/module.md';
		const result = buildWith({
			[COURSE]: certificate('  hoursSplit: { online: 8, inPerson: 8 }'),
			[MODULE]: lines('---', 'title: M', 'hours: 8', 'hoursSplit: { online: 8 }', '---'),
			[ITEM]: lessonFile,
			[module2]: lines('---', 'title: Zwei', 'hours: 8', '---'),
			'courses/01-kurs/02-zwei/01-l.md': lessonFile
		});
		expect(result.warnings).toEqual([
			{
				file: module2,
				line: 3,
				message: 'Das Modul hat keine UE-Aufteilung („hoursSplit“), andere Module des Kurses schon.'
			}
		]);
	});
});

describe('certificate criteria (Zertifikat or Teilnahmebestätigung)', () => {
	const withModule = (courseFile: string) =>
		buildWith({
			[COURSE]: courseFile,
			[MODULE]: lines('---', 'title: M', 'hours: 16', '---'),
			[ITEM]: lessonFile
		});

	it('keeps attendance and assignment criteria of a Zertifikat', () => {
		const result = withModule(
			lines(
				'---',
				'title: K',
				'summary: S',
				'attendanceRequired: true',
				'certificate:',
				'  kind: zertifikat',
				'  title: Z',
				'  hours: 16',
				'  criteria:',
				'    minAttendancePercent: 80',
				'    requiredAssignmentsAccepted: true',
				'---'
			)
		);
		expect(result.errors).toEqual([]);
		expect(result.index.courseById.get('kurs')?.certificate?.criteria).toEqual({
			minAttendancePercent: 80,
			requiredAssignmentsAccepted: true
		});
	});

	it('reports criteria on a Teilnahmebestätigung, empty criteria and attendance without attendanceRequired', () => {
		const attendance = withModule(
			certificate('  criteria:', '    minAttendancePercent: 80').replace(
				'kind: zertifikat',
				'kind: teilnahmebestaetigung'
			)
		);
		expect(problemsIn(attendance.errors, COURSE)).toEqual([
			'8: „criteria“ gilt nur für „kind: zertifikat“: Wer die Bedingungen nicht erfüllt, erhält eine Teilnahmebestätigung.',
			'9: „minAttendancePercent“ braucht „attendanceRequired: true“: Dann stellen die Trainer*innen die Urkunde aus, wenn die Anwesenheit erfasst ist.'
		]);
		const empty = withModule(certificate('  criteria: {}'));
		expect(problemsIn(empty.errors, COURSE)).toEqual([
			'8: „criteria“ nennt keine Bedingung: „minAttendancePercent“ oder „requiredAssignmentsAccepted: true“ angeben.'
		]);
		const tooHigh = withModule(certificate('  criteria:', '    minAttendancePercent: 120'));
		expect(problemsIn(tooHigh.errors, COURSE)).toEqual([
			'9: „minAttendancePercent“ darf nicht größer als 100 sein.'
		]);
	});
});

describe('rubric levels', () => {
	const assignment = (...rubric: string[]) =>
		lines('---', 'type: assignment', 'title: A', 'submission: [text]', 'rubric:', ...rubric, '---', ...body);

	it('keeps the levels of a criterion in order, with their descriptions', () => {
		const { index, errors } = buildWith({
			[ITEM]: assignment(
				'  - id: ziel',
				'    label: Ziel benannt',
				'    levels:',
				'      - id: nicht-erfuellt',
				'        label: nicht erfüllt',
				'        description: Kein Ziel genannt.',
				'      - id: erfuellt',
				'        label: erfüllt',
				'  - id: rolle',
				'    label: Rolle',
				'    required: true'
			)
		});
		expect(errors).toEqual([]);
		const item = index.itemById.get('kurs/modul/eintrag');
		expect(item?.type === 'assignment' && item.rubric).toEqual([
			{
				id: 'ziel',
				label: 'Ziel benannt',
				required: false,
				levels: [
					{ id: 'nicht-erfuellt', label: 'nicht erfüllt', description: 'Kein Ziel genannt.' },
					{ id: 'erfuellt', label: 'erfüllt', description: null }
				]
			},
			{ id: 'rolle', label: 'Rolle', levels: [], required: true }
		]);
	});

	it('reports a criterion with one level, duplicate level IDs and an invalid level ID', () => {
		const twoCriteria = (lastLevelId: string) =>
			assignment(
				'  - id: ziel',
				'    label: Ziel',
				'    levels:',
				'      - { id: ok, label: erfüllt }',
				'  - id: rolle',
				'    label: Rolle',
				'    levels:',
				'      - { id: ok, label: erfüllt }',
				`      - { id: ${lastLevelId}, label: teilweise }`
			);
		expect(itemErrors(twoCriteria('ok'))).toEqual([
			'8: Das Kriterium „ziel“ braucht mindestens zwei Stufen in „levels“.',
			'14: Doppelte Stufen-ID „ok“ im Kriterium „rolle“.'
		]);
		expect(itemErrors(twoCriteria('Nein'))).toEqual([
			'14: Die ID „Nein“ ist ungültig: erlaubt sind Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche.'
		]);
	});
});
