import { fileTypeFromFile } from 'file-type';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DownloadDeclaration } from './build-index';
import type { ContentProblem } from './problems';

const typeNames = { pdf: 'PDF', docx: 'DOCX', odt: 'ODT' } as const;

/**
 * Reads each declared download and compares its content (magic bytes, ZIP structure) with the
 * type its name promises, so a renamed or broken file fails the check instead of a learner.
 */
export async function checkDownloadFiles(
	contentRoot: string,
	downloads: readonly DownloadDeclaration[]
): Promise<ContentProblem[]> {
	const problems: ContentProblem[] = [];
	for (const download of downloads) {
		const path = join(contentRoot, download.path);
		const name = download.path.split('/').slice(3).join('/');
		const problem = (message: string) =>
			problems.push({ file: download.file, line: download.line, message });
		if (statSync(path).size === 0) {
			problem(`Download „${name}“ ist leer.`);
			continue;
		}
		const detected = await fileTypeFromFile(path).catch(() => undefined);
		if (detected?.ext !== download.type) {
			const found = detected ? `erkannt: ${detected.ext.toUpperCase()}` : 'Inhalt nicht erkannt';
			problem(
				`Download „${name}“ ist keine ${typeNames[download.type]}-Datei (${found}). Datei neu speichern oder die Endung anpassen.`
			);
		}
	}
	return problems;
}
