import { readdirSync } from 'node:fs';

/** The module slugs of a course folder in course order: folder names without their order prefix. */
export const moduleSlugs = (courseDir: string): string[] =>
	readdirSync(courseDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && /^\d+-/.test(entry.name))
		.map((entry) => entry.name)
		.sort()
		.map((name) => name.replace(/^\d+-/, ''));
