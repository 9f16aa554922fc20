import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Fills an empty content folder with the courses shipped in the product's `content/`, so the
 * running app reads (and later writes) its own copy and never the source tree. Returns true
 * when it copied; a folder that already has content is left alone.
 */
export function seedContentDir(dir: string, shippedDir: string): boolean {
	const target = resolve(dir);
	const source = resolve(shippedDir);
	if (target === source || existsSync(join(target, 'courses'))) return false;
	if (existsSync(target) && readdirSync(target).length > 0) return false;
	if (!existsSync(join(source, 'courses'))) return false;
	mkdirSync(target, { recursive: true });
	cpSync(join(source, 'courses'), join(target, 'courses'), { recursive: true });
	for (const file of ['README.md', 'glossar.md']) {
		if (existsSync(join(source, file))) cpSync(join(source, file), join(target, file));
	}
	return true;
}
