import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir` whose name ends with `suffix` (generated paraglide code left out). */
export function sourceFiles(dir: string, suffix: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : sourceFiles(path, suffix);
		return entry.name.endsWith(suffix) ? [path] : [];
	});
}
