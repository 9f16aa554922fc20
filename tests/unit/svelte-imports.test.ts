import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

// Svelte components render in the browser too: they take what they show from their props or
// their page's data (`./$types`), never from server modules, not even as types.

const svelteFiles = (dir: string) => sourceFiles(dir, '.svelte');

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
