import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_NAMES } from '../../src/lib/server/config/env';

// One module reads the environment, and the README documents every setting it knows.

const SRC = join(import.meta.dirname, '../../src');
/** Tests may set variables (their helpers live in tests/support); production code asks config/env.ts. */
const isTestSupport = (path: string) => /\.test\.ts$/.test(path);

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
	});
}

/** Variables adapter-node reads itself (listed in the README, never read by our code). */
const ADAPTER_NODE = ['HOST', 'BODY_SIZE_LIMIT', 'ADDRESS_HEADER', 'XFF_DEPTH'];

describe('the environment', () => {
	it('is read only in src/lib/server/config/env.ts', () => {
		const readers = sourceFiles(SRC)
			.filter((path) => !isTestSupport(path) && readFileSync(path, 'utf8').includes('process.env'))
			.map((path) => relative(SRC, path));
		expect(readers).toEqual(['lib/server/config/env.ts']);
	});

	it('has every setting documented in the README’s table, and nothing more', () => {
		const readme = readFileSync(join(SRC, '../README.md'), 'utf8');
		const table = readme.split('\n').filter((line) => /^\| `[A-Z]/.test(line));
		const documented = table.flatMap((line) =>
			[...(line.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]!)
		);
		expect(ENV_NAMES.filter((name) => !documented.includes(name))).toEqual([]);
		expect(
			documented.filter(
				(name) => !(ENV_NAMES as readonly string[]).includes(name) && !ADAPTER_NODE.includes(name)
			)
		).toEqual([]);
	});
});
