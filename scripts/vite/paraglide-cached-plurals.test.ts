import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cachePluralRules } from './paraglide-cached-plurals';

const generated = readFileSync('src/lib/paraglide/registry.js', 'utf8');

/** The transformed registry as a module of its own (its source, not the one Vite serves). */
async function transformedRegistry() {
	const file = join(mkdtempSync(join(tmpdir(), 'registry-')), 'registry.mjs');
	writeFileSync(file, cachePluralRules(generated));
	return (await import(pathToFileURL(file).href)) as {
		plural: (locale: string, input: unknown, options?: Intl.PluralRulesOptions) => string;
	};
}

const OriginalPluralRules = Intl.PluralRules;
afterEach(() => {
	Intl.PluralRules = OriginalPluralRules;
});

/** Counts the Intl.PluralRules built from now on. */
function countBuiltRules(): { count: number } {
	const built = { count: 0 };
	Intl.PluralRules = class extends OriginalPluralRules {
		constructor(...args: ConstructorParameters<typeof Intl.PluralRules>) {
			super(...args);
			built.count += 1;
		}
	} as typeof Intl.PluralRules;
	return built;
}

describe('paraglide plural rules, kept per language', () => {
	it('builds the rules once per language and options and still selects correctly', async () => {
		const { plural } = await transformedRegistry();
		const built = countBuiltRules();
		expect([plural('de', 1, {}), plural('de', 2, {}), plural('de', '1', {})]).toEqual([
			'one',
			'other',
			'one'
		]);
		expect(plural('en', 1, {})).toBe('one');
		expect(plural('en', 2, { type: 'ordinal' })).toBe('two');
		expect(built.count).toBe(3);
	});

	it('stops the build when Paraglide generates plural() differently', () => {
		expect(() =>
			cachePluralRules(generated.replace('new Intl.PluralRules', 'Intl.PluralRules'))
		).toThrow(/plural\(\) .* has changed/);
	});
});
