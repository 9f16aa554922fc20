import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Svelte components render in the browser too: they take what they show from their props or
// their page's data (`./$types`), never from server modules, not even as types.

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : svelteFiles(path);
		return entry.name.endsWith('.svelte') ? [path] : [];
	});
}

describe('Svelte components', () => {
	it('import nothing from $lib/server', () => {
		const offenders = svelteFiles('src').filter((file) =>
			/from '\$lib\/server[/']/.test(readFileSync(file, 'utf8'))
		);
		expect(offenders).toEqual([]);
	});

	it('are found at all (the scan covers routes and components)', () => {
		const files = svelteFiles('src');
		expect(files.some((file) => file.startsWith('src/routes/'))).toBe(true);
		expect(files.some((file) => file.startsWith('src/lib/components/'))).toBe(true);
	});
});
