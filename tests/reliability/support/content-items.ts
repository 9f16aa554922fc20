import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_CATALOGUE } from '../../support/test-content.js';

const withoutOrder = (name: string) => name.replace(/^\d+-/, '').replace(/\.md$/, '');

/** The `type:` in a page's frontmatter; pages without one are lessons. */
const typeOf = (file: string) =>
	/^---[\s\S]*?^type:\s*(\w+)/m.exec(readFileSync(file, 'utf8'))?.[1] ?? 'lesson';

export interface CourseItem {
	id: string;
	type: string;
}

/**
 * Items of a fixture course in course order, from its folder names (the fixture courses set no
 * `id:` overrides), without trainer material. Test-only: the app reads the content index.
 */
export function courseItems(courseFolder: string): CourseItem[] {
	const courseDir = join(FIXTURE_CATALOGUE, 'courses', courseFolder);
	const courseId = withoutOrder(courseFolder);
	const items: CourseItem[] = [];
	for (const moduleFolder of readdirSync(courseDir).sort()) {
		const moduleDir = join(courseDir, moduleFolder);
		if (!statSync(moduleDir).isDirectory()) continue;
		for (const file of readdirSync(moduleDir).sort()) {
			if (!file.endsWith('.md') || file === 'module.md') continue;
			const type = typeOf(join(moduleDir, file));
			if (type === 'trainer') continue;
			items.push({ id: `${courseId}/${withoutOrder(moduleFolder)}/${withoutOrder(file)}`, type });
		}
	}
	return items;
}

export const courseItemIds = (courseFolder: string) =>
	courseItems(courseFolder).map((item) => item.id);
