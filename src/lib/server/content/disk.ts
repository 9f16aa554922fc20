import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentSource } from './build-index';
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
