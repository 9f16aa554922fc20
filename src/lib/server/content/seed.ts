import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	renameSync,
	rmSync
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const SHIPPED_FILES = ['README.md', 'glossar.md'];

/**
 * Fills an empty content folder with the courses shipped in the product's `content/`, so the
 * running app reads (and later writes) its own copy and never the source tree. Returns true
 * when it copied; a folder that already has content is left alone.
 *
 * Several processes may start at once (a cluster): the copy is staged beside the folder and
 * renamed into place, so none of them ever reads a half-copied `courses/`.
 */
export function seedContentDir(dir: string, shippedDir: string): boolean {
	const target = resolve(dir);
	const source = resolve(shippedDir);
	if (target === source || existsSync(join(target, 'courses'))) return false;
	const ownFiles = existsSync(target)
		? readdirSync(target).filter((name) => !SHIPPED_FILES.includes(name))
		: [];
	if (ownFiles.length > 0) return false;
	if (!existsSync(join(source, 'courses'))) return false;
	mkdirSync(target, { recursive: true });
	const staging = mkdtempSync(join(dirname(target), '.inhalt-'));
	try {
		cpSync(join(source, 'courses'), join(staging, 'courses'), { recursive: true });
		for (const file of SHIPPED_FILES) {
			if (!existsSync(join(source, file))) continue;
			cpSync(join(source, file), join(staging, file));
			renameSync(join(staging, file), join(target, file));
		}
		try {
			renameSync(join(staging, 'courses'), join(target, 'courses'));
		} catch (error) {
			// Another process was first: its copy is complete, ours is dropped.
			if (existsSync(join(target, 'courses'))) return false;
			throw error;
		}
		return true;
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}
