import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDownloadFiles } from './download-files';

const shipped = resolve(
	import.meta.dirname,
	'../../../../tests/fixtures/catalogue/courses/81-probe-ikbo/01-rolle-und-auftrag'
);
const root = mkdtempSync(join(tmpdir(), 'downloads-'));
const moduleDir = join(root, 'courses/01-kurs/01-modul');
mkdirSync(join(moduleDir, 'vorlagen'), { recursive: true });
copyFileSync(join(shipped, 'vorlagen/rollenbeschreibung.docx'), join(moduleDir, 'vorlagen/echt.docx'));
copyFileSync(join(shipped, 'vorlagen/rollenbeschreibung.odt'), join(moduleDir, 'vorlagen/echt.odt'));
copyFileSync(join(shipped, 'handouts/leitfragen-auftragsgespraech.pdf'), join(moduleDir, 'echt.pdf'));
// An ODT renamed to .docx, a text file named .pdf, an empty file.
copyFileSync(join(shipped, 'vorlagen/rollenbeschreibung.odt'), join(moduleDir, 'vorlagen/umbenannt.docx'));
writeFileSync(join(moduleDir, 'notiz.pdf'), 'Nur Text, kein PDF.\n');
writeFileSync(join(moduleDir, 'leer.odt'), '');

afterAll(() => rmSync(root, { recursive: true, force: true }));

const declared = (path: string, type: 'pdf' | 'docx' | 'odt', line: number) => ({
	file: 'courses/01-kurs/01-modul/01-lektion.md',
	line,
	path: `courses/01-kurs/01-modul/${path}`,
	type
});

describe('download files are checked by their content', () => {
	it('accepts real PDF, DOCX and ODT files', async () => {
		const problems = await checkDownloadFiles(root, [
			declared('vorlagen/echt.docx', 'docx', 4),
			declared('vorlagen/echt.odt', 'odt', 6),
			declared('echt.pdf', 'pdf', 8)
		]);
		expect(problems).toEqual([]);
	});

	it('reports a renamed, a fake and an empty file on the line that declares it', async () => {
		const problems = await checkDownloadFiles(root, [
			declared('vorlagen/umbenannt.docx', 'docx', 4),
			declared('notiz.pdf', 'pdf', 6),
			declared('leer.odt', 'odt', 8)
		]);
		expect(problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
			'4: Download „vorlagen/umbenannt.docx“ ist keine DOCX-Datei (erkannt: ODT). Datei neu speichern oder die Endung anpassen.',
			'6: Download „notiz.pdf“ ist keine PDF-Datei (Inhalt nicht erkannt). Datei neu speichern oder die Endung anpassen.',
			'8: Download „leer.odt“ ist leer.'
		]);
	});
});
