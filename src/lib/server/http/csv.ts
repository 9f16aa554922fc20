import { stringify } from 'csv-stringify/sync';
import { dateTimeFormat } from '$lib/intl';

// Pure CSV shaping for Excel with German settings: UTF-8 with BOM (else umlauts break),
// semicolons (the comma is the decimal separator there), dates as TT.MM.JJJJ.

export function formatCsvDate(at: Date | null | undefined): string {
	if (!at) return '';
	return dateTimeFormat('de-DE', {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: 'Europe/Berlin'
	}).format(at);
}

/** A YYYY-MM-DD calendar day (attendance, cohort dates) as TT.MM.JJJJ. */
export function formatCsvDay(day: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	return match ? `${match[3]}.${match[2]}.${match[1]}` : day;
}

/**
 * Cells starting with = + - @ would run as formulas in Excel (CSV injection): a learner can
 * choose their own name. A leading apostrophe makes Excel show them as text.
 */
export function neutraliseFormula(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: (string | number)[][]): string {
	const safe = rows.map((row) =>
		row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell))
	);
	return stringify([header, ...safe], { delimiter: ';', bom: true, record_delimiter: '\r\n' });
}

export function csvFileName(...parts: string[]): string {
	const slug = parts
		.join('-')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `${slug || 'export'}.csv`;
}
