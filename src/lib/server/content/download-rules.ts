import type { DownloadFileType, DownloadMeta } from '../../content/types';
import { resolveModulePath } from '../../content/asset-url.js';
import type { Frontmatter } from './frontmatter';
import type { ProblemList } from './problems';
import { DOWNLOAD_FILE_TYPES, type DownloadFrontmatter } from './schemas';

/** The module subfolder whose files only the course's trainers and admins may fetch. */
export const TRAINER_FOLDER = 'trainer';

/** Whether a path inside a module folder lies in its trainer-only folder (any letter case). */
export function isTrainerOnlyPath(modulePath: string): boolean {
	return modulePath.split('/')[0]?.toLowerCase() === TRAINER_FOLDER;
}

export const trainerFolderMessage = (file: string) =>
	`„${file}“ liegt im Ordner ${TRAINER_FOLDER}/ und ist nur für Trainer*innen: nur im Trainermaterial oder unter „downloads“ in module.md verwenden.`;

export interface DownloadContext {
	file: string;
	/** Lessons and assignments are read by learners: trainer-only files are refused there. */
	learnerFacing: boolean;
	/** Paths of the files in the module folder; null skips the existence check. */
	assets: ReadonlySet<string> | null;
	lineOf: Frontmatter['lineOf'];
	problems: ProblemList;
	/** Told about every valid download with its line, e.g. to check the file's content later. */
	onDownload?: (download: { line: number; modulePath: string; type: DownloadFileType }) => void;
}

/**
 * Checks the `downloads` of a file (the path stays in the module folder, has an allowed type,
 * exists, and is not trainer-only on a learner page) and returns the valid ones.
 */
export function checkDownloads(
	downloads: readonly DownloadFrontmatter[],
	context: DownloadContext
): DownloadMeta[] {
	const { file, problems, lineOf } = context;
	const result: DownloadMeta[] = [];
	const seen = new Set<string>();
	downloads.forEach((download, index) => {
		const line = lineOf(['downloads', index, 'file']);
		const path = resolveModulePath('', download.file);
		const type = download.file.split('.').pop()?.toLowerCase() ?? '';
		if (path === null) {
			problems.error(file, line, `Download „${download.file}“ liegt außerhalb des Modulordners.`);
			return;
		}
		if (!(DOWNLOAD_FILE_TYPES as readonly string[]).includes(type)) {
			problems.error(
				file,
				line,
				`Download „${download.file}“: erlaubt sind PDF, DOCX und ODT (Endung .pdf, .docx oder .odt).`
			);
			return;
		}
		if (context.assets && !context.assets.has(path)) {
			problems.error(file, line, `Download „${download.file}“ existiert nicht.`);
			return;
		}
		const trainerOnly = isTrainerOnlyPath(path);
		if (trainerOnly && context.learnerFacing) {
			problems.error(file, line, trainerFolderMessage(download.file));
			return;
		}
		if (seen.has(path)) {
			problems.error(file, line, `Download „${download.file}“ steht doppelt in „downloads“.`);
			return;
		}
		seen.add(path);
		context.onDownload?.({ line, modulePath: path, type: type as DownloadFileType });
		result.push({
			file: path,
			title: download.title,
			description: download.description ?? null,
			type: type as DownloadFileType,
			trainerOnly
		});
	});
	return result;
}
