import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const withoutOrder = (name: string) => name.replace(/^\d+-/, '').replace(/\.md$/, '');

/**
 * Item IDs of a shipped course in course order, from its folder names (the shipped courses set
 * no `id:` overrides). Test-only: the app itself reads content through the content index.
 */
export function courseItemIds(courseFolder: string): string[] {
	const courseDir = join('content', 'courses', courseFolder);
	const courseId = withoutOrder(courseFolder);
	const ids: string[] = [];
	for (const moduleFolder of readdirSync(courseDir).sort()) {
		const moduleDir = join(courseDir, moduleFolder);
		if (!statSync(moduleDir).isDirectory()) continue;
		for (const file of readdirSync(moduleDir).sort()) {
			if (!file.endsWith('.md') || file === 'module.md') continue;
			ids.push(`${courseId}/${withoutOrder(moduleFolder)}/${withoutOrder(file)}`);
		}
	}
	return ids;
}
