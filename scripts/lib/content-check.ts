import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
	buildContentIndex,
	type DownloadDeclaration
} from '../../src/lib/server/content/build-index';
import { readContentDir, readGlossarySource } from '../../src/lib/server/content/disk';
import { checkGlossaryFile } from '../../src/lib/server/content/glossary-file';
import { checkDownloadFiles } from '../../src/lib/server/content/download-files';
import { formatProblem, sortProblems } from '../../src/lib/server/content/problems';

export interface CheckReport {
	lines: string[];
	errorCount: number;
	warningCount: number;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * Checks a content folder (the one holding `courses/`) and reports like a compiler. `today`
 * decides which content reviews are overdue (tests pin it, so they do not age).
 */
export async function checkContentDir(
	dir: string,
	cwd = process.cwd(),
	today = new Date()
): Promise<CheckReport> {
	const root = resolve(cwd, dir);
	const shown = relative(cwd, root);
	const prefix = shown === '' ? '' : `${shown}/`;
	if (!existsSync(join(root, 'courses'))) {
		return {
			lines: [
				`${prefix}courses: Der Ordner fehlt; erwartet wird ${prefix}courses/<kurs>/course.md.`
			],
			errorCount: 1,
			warningCount: 0
		};
	}
	const { files, assets } = readContentDir(root);
	const downloads: DownloadDeclaration[] = [];
	const built = buildContentIndex(files, { assets, today, onDownload: (d) => downloads.push(d) });
	const glossarySource = readGlossarySource(root);
	const { entries: glossary, problems: glossaryProblems } = checkGlossaryFile(glossarySource);
	const { index } = built;
	const warnings = [...built.warnings, ...glossaryProblems.warnings];
	const pageErrors = [...built.errors, ...glossaryProblems.errors];
	// Reading the files only makes sense once the rules accept the pages; their errors come first.
	const errors = pageErrors.length > 0 ? pageErrors : await checkDownloadFiles(root, downloads);
	const problems = sortProblems([
		...errors,
		...warnings.map((warning) => ({ ...warning, message: `Warnung: ${warning.message}` }))
	]);
	const lines = problems.map((problem) => formatProblem(problem, prefix));
	const items = [...index.itemById.values()];
	const quizzes = items.filter((item) => item.type === 'quiz').length;
	const material = index.trainerMaterialById.size;
	lines.push(
		`Inhalt geprüft: ${plural(index.courses.length, 'Kurs', 'Kurse')}, ` +
			`${plural(index.moduleById.size, 'Modul', 'Module')}, ` +
			`${plural(items.length, 'Eintrag', 'Einträge')} (davon ${plural(quizzes, 'Quiz', 'Quizze')})` +
			(material > 0 ? `, ${plural(material, 'Trainermaterial', 'Trainermaterialien')}` : '') +
			(glossarySource ? `, Glossar mit ${plural(glossary.length, 'Begriff', 'Begriffen')}` : '') +
			' – ' +
			`${plural(errors.length, 'Fehler', 'Fehler')}, ${plural(warnings.length, 'Warnung', 'Warnungen')}.`
	);
	return { lines, errorCount: errors.length, warningCount: warnings.length };
}
