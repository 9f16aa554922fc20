import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ContentSource } from './build-index';
import { GLOSSARY_FILE } from './glossary-file';
import { classifyContentPath } from './layout.js';

/** All file paths under `dir`, relative to it, with `/` separators; hidden files skipped. */
export function listFiles(dir: string): string[] {
	const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.filter((path) => !path.split('/').some((part) => part.startsWith('.')))
		.sort();
}

/** Whether a path (relative to the content folder) is a course, module or item file. */
export function isPageMarkdown(path: string): boolean {
	const kind = classifyContentPath(path).kind;
	return path.endsWith('.md') && kind !== 'asset';
}

/** Text files beside the pages that a page may include (transcripts). */
export const isIncludedText = (path: string) => /\.(md|txt)$/i.test(path) && !isPageMarkdown(path);

/** Reads a content folder: its Markdown pages and the list of all other files. */
export function readContentDir(dir: string): { files: ContentSource[]; assets: string[] } {
	const paths = listFiles(dir).filter((path) => path.startsWith('courses/'));
	return {
		files: paths
			.filter(isPageMarkdown)
			.map((path) => ({ path, raw: readFileSync(join(dir, path), 'utf8') })),
		assets: paths.filter((path) => !isPageMarkdown(path))
	};
}

/** Everything a content version is built from, read in one go so a version is consistent. */
export interface ContentSnapshot {
	/** Absolute path of the folder that holds `courses/`. */
	dir: string;
	files: ContentSource[];
	/** Paths of all other files (images, audio, transcripts), relative to `dir`. */
	assets: string[];
	/** Contents of the transcripts (`.md`/`.txt` beside the pages), by path. */
	texts: Map<string, string>;
	/** `glossar.md` beside `courses/`, when there is one. */
	glossary?: ContentSource;
}

/** Reads `glossar.md` from a content folder; undefined when the folder has none. */
export function readGlossarySource(dir: string): ContentSource | undefined {
	const path = join(dir, GLOSSARY_FILE);
	return existsSync(path) ? { path: GLOSSARY_FILE, raw: readFileSync(path, 'utf8') } : undefined;
}

/**
 * A snapshot from the paths of a content folder (relative, `/`-separated) and a way to read one
 * as text: the same for the files on disk and for a commit of the folder's history.
 */
export function snapshotOf(
	dir: string,
	paths: readonly string[],
	text: (path: string) => string
): ContentSnapshot {
	const coursePaths = paths.filter((path) => path.startsWith('courses/'));
	const assets = coursePaths.filter((path) => !isPageMarkdown(path));
	return {
		dir,
		files: coursePaths.filter(isPageMarkdown).map((path) => ({ path, raw: text(path) })),
		assets,
		texts: new Map(assets.filter(isIncludedText).map((path) => [path, text(path)])),
		glossary: paths.includes(GLOSSARY_FILE)
			? { path: GLOSSARY_FILE, raw: text(GLOSSARY_FILE) }
			: undefined
	};
}

/** Reads a content folder; null when it has no `courses/` folder. */
export function readContentSnapshot(dir: string): ContentSnapshot | null {
	const root = resolve(dir);
	if (!existsSync(join(root, 'courses'))) return null;
	return snapshotOf(root, listFiles(root), (path) => readFileSync(join(root, path), 'utf8'));
}
