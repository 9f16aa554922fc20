import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../config/paths';
import { listFiles } from '../content/disk';
import { listDrafts, type Draft } from './drafts';
import { courseRoot } from './paths';

// What an author sees: the live files of a course with their own drafts laid over them.

export interface Workspace {
	courseDir: string;
	/** Every file of the course as the author would publish it, by path in the content folder. */
	files: Map<string, Buffer>;
	drafts: Draft[];
}

/** The published (on-disk) files of a course folder; empty for a course that exists only as a draft. */
export function liveCourseFiles(courseDir: string): Map<string, Buffer> {
	const root = join(contentDir(), 'courses', courseDir);
	const files = new Map<string, Buffer>();
	if (!existsSync(root)) return files;
	for (const path of listFiles(root)) {
		files.set(courseRoot(courseDir) + path, readFileSync(join(root, path)));
	}
	return files;
}

export function liveFile(path: string): Buffer | null {
	const file = join(contentDir(), path);
	return existsSync(file) ? readFileSync(file) : null;
}

export function readWorkspace(userId: string, courseDir: string): Workspace {
	const files = liveCourseFiles(courseDir);
	const drafts = listDrafts(userId, courseDir);
	for (const draft of drafts) {
		if (draft.content === null) files.delete(draft.path);
		else files.set(draft.path, draft.content);
	}
	return { courseDir, files, drafts };
}

export const textOf = (files: Map<string, Buffer>, path: string): string | null =>
	files.get(path)?.toString('utf8') ?? null;
