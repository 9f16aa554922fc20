import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvFileName, formatCsvDate, formatCsvDay, toCsv } from '../http/csv';
import type { DetailItem } from './detail';
import type { MatrixRow } from './matrix';
import { learnerDetailCsv, matrixCsv } from './report-csv';

const parseCsv = (text: string) => parse(text, { delimiter: ';', bom: true }) as string[][];

describe('csv basics', () => {
	it('starts with a UTF-8 BOM and separates with semicolons', () => {
		const text = toCsv(['Name', 'Wert'], [['Müller; Jana', 3]]);
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(parseCsv(text)).toEqual([
			['Name', 'Wert'],
			['Müller; Jana', '3']
		]);
	});

	it('formats dates as TT.MM.JJJJ in Berlin time', () => {
		expect(formatCsvDate(new Date('2026-03-01T23:30:00Z'))).toBe('02.03.2026');
		expect(formatCsvDate(null)).toBe('');
		expect(formatCsvDay('2026-12-24')).toBe('24.12.2026');
	});

	it('neutralises cells Excel would run as formulas', () => {
		const [, row] = parseCsv(toCsv(['Name'], [['=HYPERLINK("x")'], ['+1'], ['@a'], ['-2']]));
		expect(row).toEqual(['\'=HYPERLINK("x")']);
		expect(parseCsv(toCsv(['Name'], [['-2']]))[1]).toEqual(["'-2"]);
	});

	it('makes a safe file name', () => {
		expect(csvFileName('Lehrgang Frühjahr 2026', 'matrix')).toBe(
			'lehrgang-fruhjahr-2026-matrix.csv'
		);
		expect(csvFileName('***')).toBe('export.csv');
	});
});

describe('matrixCsv', () => {
	const row = (name: string, cells: MatrixRow['cells'], completedAt: Date | null): MatrixRow => ({
		learner: { id: name, name, email: `${name.toLowerCase()}@example.org` },
		done: 3,
		total: 4,
		percent: 75,
		isComplete: completedAt !== null,
		completedAt,
		cells
	});
	const labels = {
		name: 'Name',
		email: 'E-Mail',
		progress: 'Fortschritt',
		completedAt: 'Abgeschlossen am',
		attendance: 'Anwesenheit',
		status: (status: string) => status.toUpperCase()
	};

	it('has one row per learner and a status per module, parsed back intact', () => {
		const text = matrixCsv(
			['Modul 1', 'Modul 2'],
			[
				row('Jana', ['complete', 'waiting_for_review'], null),
				row('Ömer', ['complete', 'complete'], new Date('2026-04-10T08:00:00Z'))
			],
			labels
		);
		expect(parseCsv(text)).toEqual([
			['Name', 'E-Mail', 'Modul 1', 'Modul 2', 'Fortschritt', 'Abgeschlossen am'],
			['Jana', 'jana@example.org', 'COMPLETE', 'WAITING_FOR_REVIEW', '75 %', ''],
			['Ömer', 'ömer@example.org', 'COMPLETE', 'COMPLETE', '75 %', '10.04.2026']
		]);
	});

	it('adds an attendance column when the course requires it', () => {
		const text = matrixCsv(
			['M'],
			[{ ...row('A', ['in_progress'], null), attendance: '1 / 2' }],
			labels
		);
		expect(parseCsv(text)[0]!.at(-1)).toBe('Anwesenheit');
		expect(parseCsv(text)[1]!.at(-1)).toBe('1 / 2');
	});
});

describe('learnerDetailCsv', () => {
	it('lists every item with status, date, attempts, best score and submission', () => {
		const item = (overrides: Partial<DetailItem>): DetailItem => ({
			id: 'x',
			title: 'Lektion',
			type: 'lesson',
			url: '/kurse/x',
			complete: false,
			completedAt: null,
			isNew: false,
			submission: null,
			attempts: 0,
			bestScore: null,
			...overrides
		});
		const text = learnerDetailCsv(
			{
				modules: [
					{
						id: 'm',
						title: 'Modul 1',
						status: 'in_progress',
						done: 2,
						total: 3,
						items: [
							item({ complete: true, completedAt: new Date('2026-01-05T10:00:00Z') }),
							item({ title: 'Test', type: 'quiz', attempts: 2, bestScore: 90, complete: true }),
							item({ title: 'Aufgabe', type: 'assignment', submission: 'submitted' })
						]
					}
				]
			},
			{
				module: 'Modul',
				item: 'Element',
				type: 'Art',
				status: 'Status',
				completedAt: 'Erledigt am',
				attempts: 'Versuche',
				bestScore: 'Bestes Ergebnis',
				submission: 'Einreichung',
				typeLabel: (type) => type,
				complete: 'erledigt',
				open: 'offen',
				submissionLabel: (status) => status
			}
		);
		const rows = parseCsv(text);
		expect(rows).toHaveLength(4);
		expect(rows[1]).toEqual(['Modul 1', 'Lektion', 'lesson', 'erledigt', '05.01.2026', '', '', '']);
		expect(rows[2]).toEqual(['Modul 1', 'Test', 'quiz', 'erledigt', '', '2', '90 %', '']);
		expect(rows[3]).toEqual(['Modul 1', 'Aufgabe', 'assignment', 'offen', '', '', '', 'submitted']);
	});
});
