import { exportFileDescriptions } from './readme-text';
import type { ExportFile } from './registry';

const escape = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!
	);

/** A value as readable text: dates as ISO, nested objects as indented JSON. */
function show(value: unknown): string {
	if (value === null || value === undefined) return '–';
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object') return JSON.stringify(value, null, 1);
	return String(value);
}

function table(rows: Record<string, unknown>[]): string {
	if (!rows.length) return '<p>Keine Einträge.</p>';
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const head = columns.map((column) => `<th scope="col">${escape(column)}</th>`).join('');
	const body = rows
		.map(
			(row) =>
				`<tr>${columns.map((column) => `<td><pre>${escape(show(row[column]))}</pre></td>`).join('')}</tr>`
		)
		.join('\n');
	return `<div class="scroll" tabindex="0"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function section(value: unknown): string {
	if (Array.isArray(value)) return table(value as Record<string, unknown>[]);
	if (value && typeof value === 'object') {
		return Object.entries(value)
			.map(([key, part]) => {
				const rows = Array.isArray(part) ? part : part && typeof part === 'object' ? [part] : null;
				return `<h3>${escape(key)}</h3>${rows ? table(rows as Record<string, unknown>[]) : `<p>${escape(show(part))}</p>`}`;
			})
			.join('\n');
	}
	return `<p>${escape(show(value))}</p>`;
}

/** The human-readable overview of an export: one section per JSON file, self-contained HTML. */
export function overviewHtml(name: string, json: Record<ExportFile, unknown>): string {
	const sections = (Object.keys(json) as ExportFile[])
		.map(
			(file) =>
				`<section><h2>${escape(file)}</h2><p>${escape(exportFileDescriptions[file])}</p>${section(json[file])}</section>`
		)
		.join('\n');
	return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ihre Daten – ${escape(name)}</title>
<style>body{font-family:sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem}.scroll{overflow-x:auto}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.25rem;text-align:left;vertical-align:top}pre{margin:0;white-space:pre-wrap;font:inherit}</style>
</head><body><main><h1>Ihre Daten aus der Lernplattform</h1><p>Für ${escape(name)}. Die Dateien neben dieser Übersicht enthalten dieselben Angaben maschinenlesbar.</p>
${sections}
</main></body></html>
`;
}
